import type { Environment, Region } from '../amazon-pay/endpoints';

export type SigningAlgorithm = 'AMZN-PAY-RSASSA-PSS-V2' | 'AMZN-PAY-RSASSA-PSS';

/** A merchant account's non-secret settings; its private key lives apart, in the key store, under the same id. */
export interface Account {
  id: string;
  label: string;
  region: Region;
  environment: Environment;
  publicKeyId: string;
  algorithm: SigningAlgorithm;
  createdAt: string;
  /** Amazon seller ids found in settlement files captured for this account: the ledger's settlements it owns. */
  sellerIds?: string[];
}

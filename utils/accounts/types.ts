import type { Environment, Region } from '../amazon-pay/endpoints';
import type { SignatureAlgorithm } from '../amazon-pay/signing';

/** A merchant account's non-secret settings; its private key lives apart, in the key store, under the same id. */
export interface Account {
  id: string;
  label: string;
  region: Region;
  environment: Environment;
  publicKeyId: string;
  algorithm: SignatureAlgorithm;
  createdAt: string;
  /** Amazon seller ids found in settlement files captured for this account: the ledger's settlements it owns. */
  sellerIds?: string[];
}

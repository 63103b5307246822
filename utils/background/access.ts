import type { Account } from '../accounts/types';
import type { Caller } from '../messaging/senders';
import { OtherRegionError } from './errors';
import type { Services } from './services';

/** A Seller Central panel may only reach the accounts of its host's region. */
export async function accountFor(
  services: Pick<Services, 'account'>,
  accountId: string,
  caller: Caller,
): Promise<Account> {
  const account = await services.account(accountId);
  if (caller.kind === 'seller-central' && caller.region !== account.region) {
    throw new OtherRegionError(account.region);
  }
  return account;
}

import { disbursementView } from '../../bank/disbursement-views';
import type { Handlers } from '../router';
import type { Services } from '../services';

/** Get Disbursements for the bank match: the options page asks, the background signs and pages through. */
export function disbursementHandlers(
  services: Pick<Services, 'account' | 'client'>,
): Pick<Handlers, 'listDisbursements'> {
  return {
    async listDisbursements({ accountId, from, to }) {
      const client = services.client(await services.account(accountId));
      const records = await client.listDisbursements({ startTime: new Date(from), endTime: new Date(to) });
      return { disbursements: records.map(disbursementView) };
    },
  };
}

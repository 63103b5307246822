import type { Region } from '../amazon-pay/endpoints';
import { ReportCourierError } from '../errors/base';

/** The caller may not send this message, or not with this payload (utils/messaging/senders.ts, panel-payloads.ts). */
export class RefusedError extends ReportCourierError<Record<string, never>> {
  override name = 'Refused';

  constructor() {
    super('refused', 'Not allowed from this context', 'This action is not available here.', {});
  }
}

/** A Seller Central panel asked about an account of another region than its host's. */
export class OtherRegionError extends ReportCourierError<{ region: Region }> {
  override name = 'OtherRegionError';

  constructor(region: Region) {
    super('other-region', 'Region mismatch', 'This account belongs to another Seller Central region.', { region });
  }
}

/** Nothing to list: the Seller Central panel turns this code into "no account for this region" and a settings link. */
export class NoAccountError extends ReportCourierError<{ region?: Region }> {
  override name = 'NoAccountError';

  constructor(region?: Region) {
    super(
      'no-account',
      region ? `No account for region ${region}` : 'No account',
      'Add an Amazon Pay account in Settings to see its reports here.',
      region ? { region } : {},
    );
  }
}

export class AccountNotFoundError extends ReportCourierError<{ accountId: string }> {
  override name = 'AccountNotFoundError';

  constructor(accountId: string) {
    super(
      'account-not-found',
      `No account ${accountId}`,
      'This account no longer exists; choose another one or add it again in Settings.',
      { accountId },
    );
  }
}

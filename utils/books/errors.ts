/** Why an export or a bank-statement import was refused, in words the merchant can act on. */
import { ReportCourierError } from '../errors/base';

export interface ExportRefusedDetails {
  /** Source lines (settlement-file line numbers) or bookings the refusal is about. */
  lines?: number[];
  reason: string;
  /** The ledger's currency, when the format refuses it. */
  currency?: string;
}

export class ExportRefusedError extends ReportCourierError<ExportRefusedDetails> {
  override name = 'ExportRefusedError';

  constructor(userMessage: string, details: ExportRefusedDetails) {
    super('export-refused', `Export refused: ${details.reason}`, userMessage, details);
  }
}

export interface StatementUnreadableDetails {
  /** File name inside a ZIP, when there is one. */
  file?: string;
  /** 1-based line (MT940, CSV) where reading stopped. */
  line?: number;
  reason: string;
}

export class StatementUnreadableError extends ReportCourierError<StatementUnreadableDetails> {
  override name = 'StatementUnreadableError';

  constructor(userMessage: string, details: StatementUnreadableDetails) {
    super('statement-unreadable', `Bank statement unreadable: ${details.reason}`, userMessage, details);
  }
}

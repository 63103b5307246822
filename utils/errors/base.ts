import { isErrorCode, type ErrorCode } from './codes';

/**
 * The one error shape of the product: a stable `code`, an English `message` for logs, a short actionable
 * `userMessage` and plain `details`. Messages and details are written by us and never carry key material, signed
 * URLs or other secrets; an error we did not write crosses as `unknown` with its class name only.
 */
export interface SerializedError {
  name: string;
  code: ErrorCode;
  message: string;
  /** Short, actionable, safe to show: never a stack trace or key material. */
  userMessage: string;
  details?: Record<string, unknown>;
}

const SOMETHING_WENT_WRONG = 'Something went wrong; try again.';

export class ReportCourierError<D extends object = Record<string, unknown>> extends Error {
  // Explicit names: bundlers mangle class names, and the name travels with the serialized error to the views.
  override name = 'ReportCourierError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly userMessage: string,
    readonly details: D,
  ) {
    super(message);
  }

  toJSON(): SerializedError {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      userMessage: this.userMessage,
      details: { ...this.details } as Record<string, unknown>,
    };
  }

  /** The error again on this side of the message boundary (or out of storage): same name, code, text and details. */
  static revive(serialized: SerializedError): ReportCourierError {
    const code = isErrorCode(serialized.code) ? serialized.code : 'unknown';
    const error = new ReportCourierError(code, serialized.message, serialized.userMessage, serialized.details ?? {});
    error.name = serialized.name;
    return error;
  }

  /** Ours as it is; anything else (a TypeError, a browser API's refusal) as `unknown`, without its text. */
  static from(thrown: unknown): ReportCourierError<object> {
    if (thrown instanceof ReportCourierError) return thrown;
    const name = thrown instanceof Error ? thrown.name : typeof thrown;
    return new ReportCourierError('unknown', name, SOMETHING_WENT_WRONG, {});
  }
}

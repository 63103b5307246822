/** Reading query and body parameters the way the Reports API validates them. */
import { parseAmazonDate } from '../dates';
import { ApiError } from '../http';

export function invalidParameter(name: string, value: string): ApiError {
  return new ApiError(400, 'InvalidParameterValue', `The value ${value} provided for ${name} is invalid.`);
}

/** The one value of a query parameter, or undefined; a repeated parameter is invalid. */
export function single(params: ReadonlyArray<readonly [string, string]>, name: string): string | undefined {
  const values = params.filter(([n]) => n === name).map(([, v]) => v);
  if (values.length > 1) throw invalidParameter(name, values.join(','));
  return values[0];
}

/** A comma-separated list whose items must all come from `allowed`. */
export function list(value: string | undefined, name: string, allowed: readonly string[]): string[] | null {
  if (value === undefined) return null;
  const items = value.split(',');
  if (items.some((i) => !allowed.includes(i))) throw invalidParameter(name, value);
  return items;
}

/** Either date form (compact or extended, UTC). */
export function date(value: unknown, name: string): number {
  if (typeof value !== 'string') throw invalidParameter(name, String(value));
  const ms = parseAmazonDate(value, true);
  if (ms === null) throw invalidParameter(name, value);
  return ms;
}

/** The JSON object of a POST body, with only the `allowed` fields. */
export function jsonBody(body: Buffer, allowed: readonly string[]): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ApiError(400, 'InvalidRequestFormat', 'The request body is not valid JSON.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ApiError(400, 'InvalidRequestFormat', 'The request body must be a JSON object.');
  }
  const unknown = Object.keys(parsed).find((k) => !allowed.includes(k));
  if (unknown) throw new ApiError(400, 'UnrecognizedField', `The field ${unknown} is not recognized.`);
  return parsed as Record<string, unknown>;
}

export function required(body: Record<string, unknown>, name: string): unknown {
  if (body[name] === undefined || body[name] === null || body[name] === '') {
    throw new ApiError(400, 'MissingParameterValue', `The ${name} parameter is missing.`);
  }
  return body[name];
}

/** Report periods are whole UTC days: one length of a day and one way to write one. */

export const DAY_MS = 86_400_000;

/** `yyyy-mm-dd` of the UTC day that holds `ms`. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * What a control that opens a settlement's detail carries (as `data-open-key`), so that leaving the detail can put
 * keyboard focus back on the control that opened it.
 */
export const openKey = (settlementId: string, currency: string, line?: number): string =>
  [settlementId, currency, line].filter((part) => part !== undefined).join('-');

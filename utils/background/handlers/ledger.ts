import { openLedgerDb } from '../../ledger/db';
import { orderTimelines, REGION_CURRENCIES } from '../../ledger/order-lookup';
import type { Handlers } from '../router';
import type { Services } from '../services';
import { NoAccountError } from '../errors';

/**
 * The ledger as the background reads it for the Seller Central panel, which cannot open the extension's
 * IndexedDB itself. Read-only; the options page imports and writes.
 */
export function ledgerHandlers(services: Pick<Services, 'accountsInRegion'>, open = () => openLedgerDb()) {
  let opening: Promise<IDBDatabase> | undefined;
  const ledger = () =>
    (opening ??= open().then(
      (db) => {
        // The options page may upgrade the database; this connection then closes and the next look-up reopens.
        db.addEventListener('close', () => (opening = undefined));
        db.onversionchange = () => {
          db.close();
          opening = undefined;
        };
        return db;
      },
      (error: unknown) => {
        opening = undefined;
        throw error;
      },
    ));
  return {
    lookupOrder: async ({ orderReferenceId }, caller) => {
      if (caller.kind !== 'seller-central')
        return { timelines: await orderTimelines(await ledger(), orderReferenceId) };
      if ((await services.accountsInRegion(caller.region)).length === 0) throw new NoAccountError(caller.region);
      return {
        timelines: await orderTimelines(await ledger(), orderReferenceId, REGION_CURRENCIES[caller.region]),
      };
    },
  } satisfies Pick<Handlers, 'lookupOrder'>;
}

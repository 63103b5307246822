/**
 * listDisbursements through the background handler against the emulator (which verifies every signature): every
 * page followed, the amounts in minor units, the times as ISO strings — the same records Amazon's wire answer holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '@/tests/emulator';
import { call } from '@/tests/emulator/helpers/amazon-client';
import { demoKey, liveAccount } from '@/tests/unit/client/emulator-setup';
import { createEmulatorFetch } from '@/tests/unit/helpers/emulator-fetch';
import { createReportsClient } from '@/utils/amazon-pay/client';
import { createClockSkewStore } from '@/utils/amazon-pay/clock-skew';
import { disbursementHandlers } from '@/utils/background/handlers/disbursements';
import type { Services } from '@/utils/background/services';

let emulator: RunningEmulator;
let key: CryptoKey;
beforeAll(async () => {
  emulator = await startEmulator({ seed: 'disbursement-handler' });
  key = await demoKey();
});
afterAll(async () => emulator?.close());

const services: Pick<Services, 'account' | 'client'> = {
  account: async () => liveAccount,
  client: () =>
    createReportsClient({
      account: liveAccount,
      loadKey: async () => key,
      fetch: createEmulatorFetch(emulator.port),
      skew: createClockSkewStore(),
      sleep: async () => undefined,
    }),
};
const extensionPage = { kind: 'extension-page' } as const;

describe('listDisbursements', () => {
  it("answers every record of the window, all pages, in minor units, as Amazon's wire answer has them", async () => {
    const to = new Date(emulator.admin.now());
    const from = new Date(to.getTime() - 120 * 86_400_000);
    const { disbursements } = await disbursementHandlers(services).listDisbursements(
      { accountId: liveAccount.id, from: from.toISOString(), to: to.toISOString() },
      extensionPage,
    );
    // Default page size 30: a quarter of daily settlements takes more than one page.
    expect(disbursements.length).toBeGreaterThan(30);
    const compact = (d: Date) => d.toISOString().replace(/[-:]|\.\d+/g, '');
    const wire: Array<Record<string, string>> = [];
    let token: string | undefined;
    do {
      const query: Array<[string, string]> = token
        ? [['nextToken', token]]
        : [
            ['startTime', compact(from)],
            ['endTime', compact(to)],
            ['pageSize', '100'],
          ];
      const res = await call(emulator, { publicKeyId: liveAccount.publicKeyId, path: '/v2/disbursements', query });
      wire.push(...res.json().disbursements);
      token = res.json().nextToken;
    } while (token);
    expect(disbursements).toEqual(
      wire.map((w) => ({
        sellerId: w.sellerId,
        settlementId: w.settlementId,
        amazonDisbursementReferenceId: w.amazonDisbursementReferenceId,
        amountMinor: Math.round(Number(w.amount) * 100),
        currencyCode: w.currencyCode,
        transactionTime: new Date(w.transactionTime!).toISOString(),
      })),
    );
    for (const d of disbursements) expect(Number.isSafeInteger(d.amountMinor)).toBe(true);
  });
});

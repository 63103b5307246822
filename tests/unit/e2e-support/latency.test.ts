/** The e2e tests' reading of how document URLs were used, against the real emulator's records. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@/tests/emulator';
import { urlToDownloadLatencies } from '@/tests/e2e/support/latency';
import { demoKey, recordingClient, startTestEmulator } from '@/tests/unit/client/emulator-setup';

let emulator: RunningEmulator;
let key: CryptoKey;

beforeAll(async () => {
  emulator = await startTestEmulator();
  key = await demoKey();
});
afterAll(async () => emulator?.close());

async function completedDocumentId(): Promise<string> {
  const { client } = recordingClient(emulator.port, { key });
  const [report] = (await client.listReports({ processingStatuses: ['COMPLETED'] })).filter((r) => r.reportDocumentId);
  return report!.reportDocumentId!;
}

describe('urlToDownloadLatencies', () => {
  it('counts a URL used at once, one never used and one refused as expired', async () => {
    const { client, fetch } = recordingClient(emulator.port, { key });
    const documentId = await completedDocumentId();

    const used = await client.getReportDocument(documentId);
    expect((await fetch(used.url)).status).toBe(200);
    await client.getReportDocument(documentId);
    emulator.admin.setFaults({ documentUrlTtlSeconds: 1 });
    const late = await client.getReportDocument(documentId);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect((await fetch(late.url)).status).toBe(403);
    emulator.admin.clearFaults();

    const use = urlToDownloadLatencies(emulator, [documentId]);
    expect({ unused: use.unused, refused: use.refused }).toEqual({ unused: 1, refused: 1 });
    expect(use.latencies).toHaveLength(2);
    expect(use.latencies[0]).toBeGreaterThanOrEqual(0);
    expect(use.latencies[1]).toBeGreaterThanOrEqual(1_000);
  });
});

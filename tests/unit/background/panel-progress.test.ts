import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { clearPrivateSettings } from '@/tests/unit/helpers/private-settings';
import { getAccount, removeAccount, saveAccount } from '@/utils/accounts/store';
import type { Account } from '@/utils/accounts/types';
import { createBroadcaster } from '@/utils/background/broadcast';
import { panelProgress } from '@/utils/background/handlers/panel';
import type { Services } from '@/utils/background/services';
import type { JobView, ProgressEvent } from '@/utils/messaging/protocol';

function account(id: string, region: Account['region']): Account {
  return {
    id,
    label: `Shop ${id}`,
    region,
    environment: 'live',
    publicKeyId: `KEY-${id}`,
    algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
    createdAt: '2026-11-01T00:00:00Z',
  };
}

const services = {
  account: async (id: string) => {
    const found = await getAccount(id);
    if (!found) throw new Error('missing');
    return found;
  },
} as unknown as Services;

/** A port as the worker holds it: what was posted to it, in order. */
function fakePort() {
  const posted: ProgressEvent[] = [];
  const port = {
    postMessage: (event: ProgressEvent) => posted.push(event),
    onDisconnect: { addListener: () => undefined },
  };
  return { port: port as unknown as Browser.runtime.Port, posted };
}

const job = (accountId: string): JobView => ({
  jobId: `J-${accountId}`,
  batchId: 'B1',
  accountId,
  reportId: 'R1',
  state: 'done',
  filename: '/home/merchant/Downloads/AmazonPay/Shop/Settlement/2026-11-01_2026-11-02_R1.csv',
});

/** Events are filtered on their way out; wait until every port's queue has drained. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(async () => {
  await clearPrivateSettings();
  await saveAccount(account('us-1', 'na'));
});

describe('progress events for a Seller Central panel', () => {
  it('decides per event, so an account added or removed after the panel connected counts', async () => {
    const broadcaster = createBroadcaster();
    const { port, posted } = fakePort();
    broadcaster.add(port, panelProgress(services, 'na'));

    await saveAccount(account('us-2', 'na'));
    await saveAccount(account('eu-1', 'eu'));
    broadcaster.send({ type: 'job', job: job('us-2') });
    broadcaster.send({ type: 'job', job: job('eu-1') });
    await settled();
    expect(posted.map((e) => e.type === 'job' && e.job.accountId)).toEqual(['us-2']);

    await removeAccount('us-1');
    broadcaster.send({ type: 'job', job: job('us-1') });
    broadcaster.send({
      type: 'batch',
      batch: {
        batchId: 'B1',
        accountId: 'us-2',
        total: 1,
        counts: { queued: 0, 'requesting-url': 0, downloading: 0, done: 1, failed: 0, cancelled: 0 },
        paused: false,
      },
    });
    await settled();
    expect(posted.map((e) => e.type)).toEqual(['job', 'batch']);
  });

  it('names a finished file by its base name, never its folder', async () => {
    const broadcaster = createBroadcaster();
    const { port, posted } = fakePort();
    broadcaster.add(port, panelProgress(services, 'na'));
    broadcaster.send({ type: 'job', job: job('us-1') });
    await settled();
    expect(posted).toMatchObject([{ type: 'job', job: { filename: '2026-11-01_2026-11-02_R1.csv' } }]);
  });

  it('keeps each port’s events in the order they were sent', async () => {
    const broadcaster = createBroadcaster();
    const { port, posted } = fakePort();
    broadcaster.add(port, panelProgress(services, 'na'));
    const states = ['queued', 'requesting-url', 'downloading', 'done'] as const;
    for (const state of states) broadcaster.send({ type: 'job', job: { ...job('us-1'), state } });
    await settled();
    expect(posted.map((e) => e.type === 'job' && e.job.state)).toEqual([...states]);
  });
});

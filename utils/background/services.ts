import { getAccount, listAccounts, rememberSellerId } from '../accounts/store';
import type { Account } from '../accounts/types';
import { createReportsClient, type ReportsClient } from '../amazon-pay/client';
import { createClockSkewStore, type ClockSkewStore, type SkewOffsets } from '../amazon-pay/clock-skew';
import { archiveDeps, type ArchiveDeps } from '../archive/deps';
import { AccountNotFoundError } from './errors';
import { browserAlarms, browserDownloads, type AlarmsApi } from '../browser-api';
import { createSettlementCapture, type SettlementCapture } from '../capture/capture';
import { openInbox } from '../capture/inbox';
import { mayCapture, rememberDocumentOrigin } from '../capture/origins';
import { openJobsDb, type JobsDb } from '../downloads/jobs-store';
import { createDownloadPipeline, type DownloadPipeline } from '../downloads/pipeline';
import { alarmSchedule } from '../downloads/wake';
import { loadKey } from '../keys/keystore';
import { openLedgerDb } from '../ledger/db';
import { definePrivateSetting } from '../settings/private-settings';
import { ensureIndexedDb } from '../storage/indexed-db';
import { createBroadcaster, type Broadcaster } from './broadcast';
import { reportBackgroundError } from './guard';
import { createByteSampler } from './live-bytes';
import { toBatchView, toJobView } from './views';

/** Learned clock offsets survive worker restarts, so a corrected clock stays corrected. */
const skewItem = definePrivateSetting<SkewOffsets>('clockSkew', {});

export interface Services {
  skew: ClockSkewStore;
  db: JobsDb;
  pipeline: DownloadPipeline;
  broadcaster: Broadcaster;
  bytes: ReturnType<typeof createByteSampler>;
  account(accountId: string): Promise<Account>;
  accountsInRegion(region: Account['region']): Promise<Account[]>;
  /** `keyId`: the key store entry to sign with, the account's own key unless a candidate is tested. */
  client(account: Account, keyId?: string): ReportsClient;
  /** The ledger's database, opened on first use. */
  ledger(): Promise<IDBDatabase>;
  archive: ArchiveDeps;
  alarms: AlarmsApi;
  /** Settlement files read into the ledger as they download, where the merchant allowed it. */
  capture: SettlementCapture;
}

/** Builds the background's long-lived parts once per worker start; all their state lives in storage. */
export async function createServices(): Promise<Services> {
  // Before the first IndexedDB use: in Firefox's "never remember history" the queue and cache live in memory.
  await ensureIndexedDb();
  const skew = createClockSkewStore({
    initial: await skewItem.getValue(),
    persistence: { save: (o) => skewItem.setValue(o) },
  });
  const db = openJobsDb();
  const broadcaster = createBroadcaster();

  const client = (account: Account, keyId = account.id) =>
    createReportsClient({ account, loadKey: () => loadKey(keyId), skew });
  const account = async (accountId: string) => {
    const found = await getAccount(accountId);
    if (!found) throw new AccountNotFoundError(accountId);
    return found;
  };

  let ledgerOpening: Promise<IDBDatabase> | undefined;
  const ledger = () =>
    (ledgerOpening ??= openLedgerDb().catch((error: unknown) => {
      ledgerOpening = undefined;
      throw error;
    }));
  const capture = createSettlementCapture({
    inbox: openInbox(),
    ledger,
    permitted: mayCapture,
    freshUrl: async (entry) =>
      (await client(await account(entry.accountId)).getReportDocument(entry.reportDocumentId)).url,
    busy: async () => (await pipeline.downloading()).length > 0,
    learned: rememberSellerId,
    onError: (error) => reportBackgroundError('reading a settlement into the ledger', error),
  });

  const downloads = browserDownloads();
  const alarms = browserAlarms();
  const pipeline: DownloadPipeline = createDownloadPipeline({
    db,
    downloads,
    schedule: alarmSchedule(alarms),
    // The URL goes straight from this call into downloads.download inside the pipeline: nothing in between.
    fetchDocument: async (job) => client(await account(job.accountId)).getReportDocument(job.reportDocumentId),
    afterDownload: (job, url) => {
      void rememberDocumentOrigin(url).catch((error: unknown) =>
        reportBackgroundError('noting a document host', error),
      );
      capture.offer(job, url);
    },
    onChange: (event) => {
      if (event.type === 'job') {
        broadcaster.send({ type: 'job', job: toJobView(event.job) });
        if (event.job.state === 'downloading') bytes.poke();
      } else if (event.type === 'batch') broadcaster.send({ type: 'batch', batch: toBatchView(event.batch) });
    },
  });
  const bytes = createByteSampler({
    downloads,
    downloadingJobs: () => pipeline.downloading(),
    watched: broadcaster.watched,
    send: broadcaster.send,
  });

  const accountsInRegion = async (region: Account['region']) =>
    (await listAccounts()).filter((a) => a.region === region);

  const archive = archiveDeps({ account, client, pipeline, db });
  return {
    skew,
    db,
    pipeline,
    broadcaster,
    bytes,
    account,
    accountsInRegion,
    client,
    ledger,
    archive,
    alarms,
    capture,
  };
}

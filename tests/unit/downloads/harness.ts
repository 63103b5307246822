import { IDBFactory } from 'fake-indexeddb';
import type { ReportDocument } from '@/utils/amazon-pay/types';
import { openJobsDb, type JobsDb } from '@/utils/downloads/jobs-store';
import { createDownloadPipeline, type DownloadPipeline, type PipelineOptions } from '@/utils/downloads/pipeline';
import type { QueuedReport } from '@/utils/downloads/queue';
import { emptyCounts, type DownloadJob, type PipelineEvent } from '@/utils/downloads/types';
import { FakeDownloads, type FakeDownloadsOptions } from '../fakes/downloads';

/** Test rig: one IndexedDB per test, a manual clock and scheduler, the fake downloads, and a recording fetchDocument. */

export const T0 = Date.parse('2026-11-28T09:00:00Z');

export function freshIndexedDb(): void {
  globalThis.indexedDB = new IDBFactory();
}

export function reports(count: number, prefix = 'R'): QueuedReport[] {
  return Array.from({ length: count }, (_, i) => ({
    reportId: `${prefix}${String(i + 1).padStart(3, '0')}`,
    reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_',
    startTime: new Date(Date.UTC(2026, 10, i + 1)),
    endTime: new Date(Date.UTC(2026, 10, i + 2)),
    reportDocumentId: `amzn1.tortuga.3.doc-${prefix}${i + 1}`,
  }));
}

export class Clock {
  constructor(public time = T0) {}
  readonly now = () => this.time;
}

/** Holds wake-ups until the test fires them, so backoff never costs real time. */
export class ManualScheduler {
  readonly wakes: { at: number; wake: () => void }[] = [];
  readonly schedule = (at: number, wake: () => void) => void this.wakes.push({ at, wake });

  /** Moves the clock to the earliest wake-up and runs it; false when none is waiting. */
  fireNext(clock: Clock): boolean {
    this.wakes.sort((a, b) => a.at - b.at);
    const next = this.wakes.shift();
    if (!next) return false;
    clock.time = Math.max(clock.time, next.at);
    next.wake();
    return true;
  }
}

export interface Rig {
  db: JobsDb;
  pipeline: DownloadPipeline;
  fake: FakeDownloads;
  clock: Clock;
  scheduler: ManualScheduler;
  events: PipelineEvent[];
  /** Every URL fetchDocument handed out, in order. */
  issued: { jobId: string; reportId: string; url: string }[];
  /** Waits until neither the pipeline nor the fake has anything pending. */
  drain(): Promise<void>;
  /** Drains, firing scheduled wake-ups (moving the clock) until none is left. */
  runAll(): Promise<void>;
  /** Kills this worker: it hears no more download events; whatever it held in memory is lost with it. */
  kill(): void;
  /** Kills this worker and starts a new pipeline over the same IndexedDB and downloads. */
  restart(overrides?: RigOptions): Rig;
}

export interface RigOptions extends Partial<PipelineOptions> {
  fake?: FakeDownloads;
  fakeOptions?: FakeDownloadsOptions;
  clock?: Clock;
  /** Register the pipeline on the fake's onChanged (false models a worker that is already dead). */
  listen?: boolean;
}

export function createRig(options: RigOptions = {}): Rig {
  const clock = options.clock ?? new Clock();
  const fake = options.fake ?? new FakeDownloads({ wallClock: clock.now, ...options.fakeOptions });
  const scheduler = new ManualScheduler();
  const events: PipelineEvent[] = [];
  const issued: Rig['issued'] = [];
  const db = options.db ?? openJobsDb();
  const fetchDocument =
    options.fetchDocument ??
    (async (job: DownloadJob): Promise<ReportDocument> => {
      const url = `https://tortuga.s3.example/${job.reportDocumentId}?X-Amz-Signature=${issued.length + 1}`;
      issued.push({ jobId: job.id, reportId: job.reportId, url });
      return { reportDocumentId: job.reportDocumentId, url };
    });
  const pipeline = createDownloadPipeline({
    downloads: fake,
    now: clock.now,
    schedule: scheduler.schedule,
    onChange: (event) => events.push(event),
    onError: (error) => {
      throw error;
    },
    // Cancels stand at once unless a test looks at the grace period itself.
    cancelGraceMs: 0,
    ...options,
    db,
    fetchDocument,
  });
  const listener = (delta: Parameters<typeof pipeline.handleDownloadChanged>[0]) =>
    void pipeline.handleDownloadChanged(delta);
  if (options.listen !== false) fake.onChanged.addListener(listener);

  const drain = async () => {
    for (let round = 0; round < 200; round++) {
      await fake.idle();
      await pipeline.settled();
      if (!fake.busy) return;
    }
    throw new Error('the pipeline never settled');
  };
  const rig: Rig = {
    db,
    pipeline,
    fake,
    clock,
    scheduler,
    events,
    issued,
    drain,
    async runAll() {
      await drain();
      while (scheduler.fireNext(clock)) await drain();
    },
    kill: () => fake.onChanged.removeListener(listener),
    restart(overrides = {}) {
      rig.kill();
      return createRig({ fake, clock, db: openJobsDb(), ...overrides });
    },
  };
  return rig;
}

export async function jobsByReport(rig: Rig): Promise<Map<string, DownloadJob>> {
  const { jobs } = await rig.pipeline.snapshot();
  return new Map(jobs.map((job) => [job.reportId, job]));
}

/** Each batch's stored counts next to a tally of its jobs: the two must always be equal. */
export async function countsAndTallies(rig: Rig): Promise<{ stored: unknown; tallied: unknown }> {
  const { jobs, batches } = await rig.pipeline.snapshot();
  const tallied = batches.map((batch) => {
    const counts = emptyCounts();
    for (const job of jobs) if (job.batchId === batch.id) counts[job.state] += 1;
    return { id: batch.id, total: jobs.filter((j) => j.batchId === batch.id).length, counts };
  });
  return { stored: batches.map(({ id, total, counts }) => ({ id, total, counts })), tallied };
}

/** Completed files per report id, read from the fake's download list. */
export function completedPerReport(rig: Rig): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of rig.fake.completed()) {
    const reportId = /_([^_/]+?)(?: \(\d+\))?\.csv$/.exec(item.filename)?.[1] ?? '?';
    counts.set(reportId, (counts.get(reportId) ?? 0) + 1);
  }
  return counts;
}

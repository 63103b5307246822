import { describe, expect, it } from 'vitest';
import { auditArchive, outcomes, printSummary, summarise } from '../support/audit';
import { startBulk, waitForBatch, type JobRow, type ReportRow } from '../support/driver';
import { drillStack } from '../support/drill';
import { preciseNow, size, sleep } from './mode';
import { retryEvidence } from './request-log';

const API_FAULT_REPORTS = size(30, 150);
const EXPIRY_REPORTS = size(8, 40);
/** The pipeline's document URLs per job, times the client's attempts per URL request. */
const MAX_URLS_PER_JOB = 4;
const MAX_REQUESTS_PER_JOB = MAX_URLS_PER_JOB * 5;
const drill = drillStack({
  label: 'Fault Drill',
  reports: API_FAULT_REPORTS + EXPIRY_REPORTS,
  emulator: { extraReports: API_FAULT_REPORTS + EXPIRY_REPORTS },
});

/** Every job ended, and each that did not succeed says why in words, with no placeholder left in. */
function expectClearEnds(jobs: JobRow[]): void {
  for (const job of jobs) {
    expect(['done', 'failed'], `${job.reportId} ended ${job.state}`).toContain(job.state);
    if (job.state === 'failed') expect(job.error?.userMessage).toMatch(/^[A-Z][^{}]*[a-z.]$/);
  }
}

/** Runs one bulk and audits every report it asked for (done or not) against the whole download folder. */
async function runPhase(chosen: ReportRow[], timeoutMs: number, earlier: ReportRow[] = []) {
  const { stack, driver } = drill;
  const since = preciseNow();
  const batchId = await startBulk(driver, chosen);
  const final = await waitForBatch(driver.send, batchId, timeoutMs);
  const audit = auditArchive(stack.browser.downloadDir, stack.emulator, chosen, { jobs: final.jobs, earlier });
  return {
    final,
    audit,
    evidence: retryEvidence(
      stack.emulator,
      chosen.map((r) => r.reportDocumentId!),
      since,
    ),
  };
}

/**
 * Every job's limits make failure practically impossible here: a job fails only after 4 URL requests that each
 * failed 5 client attempts (25 % errors: 0.25^5 per request) or after 4 cut-off or refused downloads, and the
 * faults cut off or expire fewer files than that per job. So every report must end done, once, byte for byte.
 */
function expectEveryReportArchived(
  chosen: ReportRow[],
  final: { batch: { counts: Record<string, number> } },
  audit: ReturnType<typeof auditArchive>,
) {
  expect(final.batch.counts).toMatchObject({ done: chosen.length });
  expect(audit).toEqual({ lost: [], duplicates: [], mismatched: [], strays: [] });
}

describe('drill: Amazon and the network misbehave during a bulk download', () => {
  it('429s (20 %), 500/503s (5 %), latency spikes, malformed JSON and cut-off files: every report saved once, retries bounded and backed off', async () => {
    const { stack, reports } = drill;
    const chosen = reports.slice(0, API_FAULT_REPORTS);
    stack.emulator.admin.setFaults({
      errorRate: { probability: 0.25, statuses: [429, 429, 429, 429, 429, 429, 429, 429, 500, 503] },
      malformedJsonNext: 3,
      truncateDocument: { afterBytes: 100, count: size(3, 8) },
    });
    let spiking = true;
    const spikes = (async () => {
      while (spiking) {
        await sleep(800);
        stack.emulator.admin.setFaults({ latencyMs: { getReportDocument: 1500 } });
        await sleep(600);
        stack.emulator.admin.setFaults({ latencyMs: { getReportDocument: 0 } });
      }
    })();
    const { final, audit, evidence } = await runPhase(chosen, size(120_000, 300_000)).finally(() => {
      spiking = false;
    });
    await spikes;
    stack.emulator.admin.clearFaults();

    const gaps = [...evidence.gapsAfter429].sort((a, b) => a - b);
    const meanGap = gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length);
    printSummary(
      summarise('faults', chosen.length, audit, evidence.requests - chosen.length, {
        notDone: outcomes(final.jobs),
        cutOff: evidence.cutOff,
        retriesAfter429: gaps.length,
        meanGapAfter429Ms: Math.round(meanGap),
        maxRequestsPerDocument: evidence.maxRequestsPerDocument,
        maxPerDocumentPerSecond: evidence.maxPerDocumentPerSecond,
      }),
    );
    expectClearEnds(final.jobs);
    expectEveryReportArchived(chosen, final, audit);
    expect(evidence.cutOff).toBeGreaterThan(0);
    expect(evidence.maxUrlsPerDocument).toBeLessThanOrEqual(MAX_URLS_PER_JOB);
    expect(evidence.maxRequestsPerDocument).toBeLessThanOrEqual(MAX_REQUESTS_PER_JOB);
    // Full jitter waits 0–1 s before the first retry, 0–2 s before the second: a storm would show gaps near 0.
    expect(gaps.length).toBeGreaterThan(3);
    expect(meanGap).toBeGreaterThan(250);
    expect(evidence.maxPerDocumentPerSecond).toBeLessThanOrEqual(4);
  });

  it('URLs that expire after 2 s while the download start is slowed: a fresh URL each time, every report saved once', async () => {
    const { stack, reports } = drill;
    const chosen = reports.slice(API_FAULT_REPORTS, API_FAULT_REPORTS + EXPIRY_REPORTS);
    const refused = () => stack.emulator.admin.stats().rejections.byReasonCode.AccessDenied ?? 0;
    const refusedBefore = refused();
    // The document host answers 2.5 s late and checks the expiry then, so the first URLs all expire; once a few
    // have, the start eases to 0.4 s and fresh URLs get through.
    const firstWave = 4;
    stack.emulator.admin.setFaults({ documentUrlTtlSeconds: 2, latencyMs: { document: 2_500 } });
    let running = true;
    const easing = (async () => {
      while (running && refused() - refusedBefore < firstWave) await sleep(50);
      stack.emulator.admin.setFaults({ latencyMs: { document: 400 } });
    })();
    const { final, audit, evidence } = await runPhase(
      chosen,
      size(90_000, 300_000),
      reports.slice(0, API_FAULT_REPORTS),
    ).finally(() => {
      running = false;
    });
    await easing;
    stack.emulator.admin.clearFaults();
    const expired = refused() - refusedBefore;

    printSummary(
      summarise('early-expiry', chosen.length, audit, evidence.requests - chosen.length, {
        notDone: outcomes(final.jobs),
        expiredUrls: expired,
        maxUrlsPerDocument: evidence.maxUrlsPerDocument,
      }),
    );
    expectClearEnds(final.jobs);
    expect(expired).toBeGreaterThanOrEqual(firstWave);
    expect(evidence.maxUrlsPerDocument).toBeLessThanOrEqual(MAX_URLS_PER_JOB);
    // Only the first wave and the URLs already on their way when the start eases expire: a job loses at most two of
    // its four URLs, so every report ends done.
    expectEveryReportArchived(chosen, final, audit);
  });
});

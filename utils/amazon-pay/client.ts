/**
 * The Amazon Pay Reports API, one typed function per operation (amazon-pay-api.md §2). Explicit imports
 * only, so it runs unchanged in the service worker and in Node.
 */
import { createClockSkewStore, type ClockSkewStore } from './clock-skew';
import { asArray, asObject, documentFromWire, malformed, reportFromWire, scheduleFromWire } from './response-decoder';
import { disbursementsPageFromWire, type Disbursement, type DisbursementsPage } from './disbursements';
import { resolvePolicy, type RetryPolicy } from './retry';
import { formatAmzDate } from './signing';
import { createTransport, type AccountSettings } from './transport';
import type { ListReportsFilter, Report, ReportDocument, ReportSchedule, ScheduleFrequency } from './types';

export interface ReportsClientOptions {
  account: AccountSettings;
  loadKey: () => Promise<CryptoKey | undefined>;
  fetch?: typeof fetch;
  /** Pass one shared store so every client of a region benefits from a learned clock offset. */
  skew?: ClockSkewStore;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Local clock in epoch ms. */
  now?: () => number;
}

export interface ReportsPage {
  reports: Report[];
  nextToken?: string;
}

export interface ListReportsOptions {
  /** Called with each page as it arrives, e.g. to show progress. */
  onPage?: (reports: Report[], pageIndex: number) => void;
}

export interface CreateReportInput {
  reportType: string;
  startTime: Date;
  endTime: Date;
}

export interface CreateReportScheduleInput {
  reportType: string;
  scheduleFrequency: ScheduleFrequency;
  nextReportCreationTime?: Date;
  deleteExistingSchedule?: boolean;
}

/** Largest page Amazon allows: fewest round trips. */
export const DEFAULT_PAGE_SIZE = 100;

export interface DisbursementsFilter {
  /** Settlement dates from … to. */
  startTime: Date;
  endTime: Date;
  /** Amazon's maximum is undocumented; its example asks for 30, so that is the default. */
  pageSize?: number;
}

/** Follows `nextToken` pages until the last, refusing a token seen before (it would loop forever). */
async function allPages<T>(
  fetchPage: (token?: string) => Promise<{ items: T[]; nextToken?: string }>,
  what: string,
  onPage?: (items: T[], pageIndex: number) => void,
): Promise<T[]> {
  const all: T[] = [];
  const seenTokens = new Set<string>();
  let token: string | undefined;
  for (let pageIndex = 0; ; pageIndex++) {
    const page = await fetchPage(token);
    all.push(...page.items);
    onPage?.(page.items, pageIndex);
    if (!page.nextToken) return all;
    if (seenTokens.has(page.nextToken)) throw malformed(`${what} (repeated nextToken)`);
    seenTokens.add(page.nextToken);
    token = page.nextToken;
  }
}

export type ReportsClient = ReturnType<typeof createReportsClient>;

export function createReportsClient(options: ReportsClientOptions) {
  const skew = options.skew ?? createClockSkewStore();
  const send = createTransport({
    account: options.account,
    loadKey: options.loadKey,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    skew,
    retry: resolvePolicy(options.retry),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
  });

  /** One page. With a `nextToken` the token is sent alone, as Amazon requires; the filter is ignored. */
  async function listReportsPage(filter: ListReportsFilter = {}, nextToken?: string): Promise<ReportsPage> {
    const query = nextToken
      ? { nextToken }
      : {
          reportTypes: filter.reportTypes?.join(','),
          processingStatuses: filter.processingStatuses?.join(','),
          createdSince: filter.createdSince && formatAmzDate(filter.createdSince),
          createdUntil: filter.createdUntil && formatAmzDate(filter.createdUntil),
          pageSize: filter.pageSize ?? DEFAULT_PAGE_SIZE,
        };
    const body = asObject((await send({ method: 'GET', path: 'reports', query })).body, 'report list');
    const token = typeof body.nextToken === 'string' && body.nextToken ? body.nextToken : undefined;
    return { reports: asArray(body.reports ?? [], 'report list').map(reportFromWire), nextToken: token };
  }

  /** Every report matching the filter, following `nextToken` through all pages. */
  async function listReports(filter: ListReportsFilter = {}, { onPage }: ListReportsOptions = {}): Promise<Report[]> {
    return allPages(
      async (token) => {
        const page = await listReportsPage(filter, token);
        return { items: page.reports, nextToken: page.nextToken };
      },
      'report list',
      onPage,
    );
  }

  /** One page of Get Disbursements; with a `nextToken` the token is sent alone, as for reports. */
  async function listDisbursementsPage(filter: DisbursementsFilter, nextToken?: string): Promise<DisbursementsPage> {
    const query = nextToken
      ? { nextToken }
      : {
          startTime: formatAmzDate(filter.startTime),
          endTime: formatAmzDate(filter.endTime),
          pageSize: filter.pageSize ?? 30,
        };
    return disbursementsPageFromWire((await send({ method: 'GET', path: 'disbursements', query })).body);
  }

  /** Every payout to the bank with a settlement date in the window, through all pages. */
  async function listDisbursements(
    filter: DisbursementsFilter,
    onPage?: (page: Disbursement[], pageIndex: number) => void,
  ): Promise<Disbursement[]> {
    return allPages(
      async (token) => {
        const page = await listDisbursementsPage(filter, token);
        return { items: page.disbursements, nextToken: page.nextToken };
      },
      'disbursement list',
      onPage,
    );
  }

  async function getReport(reportId: string): Promise<Report> {
    return reportFromWire((await send({ method: 'GET', path: `reports/${encodeURIComponent(reportId)}` })).body);
  }

  /** The document's URL is valid for 30 seconds: start its download at once. */
  async function getReportDocument(reportDocumentId: string): Promise<ReportDocument> {
    const path = `report-documents/${encodeURIComponent(reportDocumentId)}`;
    return documentFromWire((await send({ method: 'GET', path })).body);
  }

  async function createReport(input: CreateReportInput): Promise<{ reportId: string }> {
    const body = {
      reportType: input.reportType,
      startTime: formatAmzDate(input.startTime),
      endTime: formatAmzDate(input.endTime),
    };
    const answer = asObject((await send({ method: 'POST', path: 'reports', body })).body, 'create-report answer');
    if (typeof answer.reportId !== 'string') throw malformed('create-report answer (reportId)', 201);
    return { reportId: answer.reportId };
  }

  async function getReportSchedules(reportTypes?: string[]): Promise<ReportSchedule[]> {
    const query = { reportTypes: reportTypes?.join(',') };
    const body = asObject((await send({ method: 'GET', path: 'report-schedules', query })).body, 'schedule list');
    return asArray(body.reportSchedules ?? [], 'schedule list').map(scheduleFromWire);
  }

  async function createReportSchedule(input: CreateReportScheduleInput): Promise<{ reportScheduleId: string }> {
    const body = {
      reportType: input.reportType,
      scheduleFrequency: input.scheduleFrequency,
      nextReportCreationTime: input.nextReportCreationTime && formatAmzDate(input.nextReportCreationTime),
      deleteExistingSchedule: input.deleteExistingSchedule ?? false,
    };
    const answer = asObject(
      (await send({ method: 'POST', path: 'report-schedules', body })).body,
      'create-schedule answer',
    );
    if (typeof answer.reportScheduleId !== 'string') throw malformed('create-schedule answer (reportScheduleId)', 201);
    return { reportScheduleId: answer.reportScheduleId };
  }

  async function cancelReportSchedule(reportScheduleId: string): Promise<void> {
    await send({ method: 'DELETE', path: `report-schedules/${encodeURIComponent(reportScheduleId)}` });
  }

  return {
    listReports,
    listReportsPage,
    getReport,
    getReportDocument,
    createReport,
    getReportSchedules,
    createReportSchedule,
    cancelReportSchedule,
    listDisbursementsPage,
    listDisbursements,
  };
}

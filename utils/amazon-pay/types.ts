/** Amazon Pay Reports API shapes (amazon-pay-api.md §2.3–2.4); dates are parsed into `Date` at the client boundary. */

export type { ReportType } from './report-types';

/** In the order the views offer them: what a merchant usually wants first. */
export const PROCESSING_STATUSES = ['COMPLETED', 'IN_PROGRESS', 'FAILED', 'CANCELLED'] as const;
export type ProcessingStatus = (typeof PROCESSING_STATUSES)[number];

export const SCHEDULE_FREQUENCIES = [
  'PT5M',
  'PT15M',
  'PT30M',
  'PT1H',
  'PT2H',
  'PT4H',
  'PT8H',
  'PT12H',
  'PT24H',
  'PT84H',
  'P1D',
  'P2D',
  'P3D',
  'P7D',
  'P14D',
  'P15D',
  'P18D',
  'P30D',
] as const;
export type ScheduleFrequency = (typeof SCHEDULE_FREQUENCIES)[number];

export interface Report {
  reportId: string;
  /** Kept as a string: Amazon may add types we do not know yet, and those must still list and download. */
  reportType: string;
  startTime: Date;
  endTime: Date;
  createdTime: Date;
  processingStatus: ProcessingStatus;
  processingStartTime?: Date;
  processingEndTime?: Date;
  reportDocumentId?: string;
}

export interface ReportDocument {
  reportDocumentId: string;
  /** Pre-signed, valid for 30 seconds: hand it to the download at once, never store it. */
  url: string;
  compressionAlgorithm?: string;
}

export interface ReportSchedule {
  reportScheduleId: string;
  reportType: string;
  scheduleFrequency: string;
  nextReportCreationTime?: Date;
}

export interface ListReportsFilter {
  reportTypes?: string[];
  processingStatuses?: ProcessingStatus[];
  createdSince?: Date;
  createdUntil?: Date;
  pageSize?: number;
}

/** Report schedule operations (amazon-pay-api.md §2.1, §2.3, §2.7, §2.8). */
import { ApiError } from '../http';
import { creationRefusal, frequencyMs, REPORT_TYPES, SCHEDULE_FREQUENCIES } from '../report-types';
import { scheduleView } from '../reports';
import type { Operation } from './operation';
import { date, invalidParameter, jsonBody, list, required, single } from './params';

function find(op: Operation) {
  const schedule = op.store.schedules.get(op.id);
  if (!schedule) throw new ApiError(404, 'ResourceNotFound', `Report schedule ${op.id} was not found.`);
  return schedule;
}

export function getReportSchedules(op: Operation) {
  const types = list(single(op.params, 'reportTypes'), 'reportTypes', REPORT_TYPES);
  const schedules = [...op.store.schedules.values()].filter((s) => !types || types.includes(s.reportType));
  return { status: 200, body: { reportSchedules: schedules.map(scheduleView) } };
}

/** A bare schedule object: NET and the Node SDK's live test read it that way, unlike the doc example (§2.3). */
export function getReportSchedule(op: Operation) {
  return { status: 200, body: scheduleView(find(op)) };
}

export function cancelReportSchedule(op: Operation) {
  op.store.schedules.delete(find(op).reportScheduleId);
  return { status: 200, body: {} };
}

/** One schedule per report type; `deleteExistingSchedule: true` replaces it. */
export function createReportSchedule(op: Operation) {
  const body = jsonBody(op.body, [
    'reportType',
    'scheduleFrequency',
    'nextReportCreationTime',
    'deleteExistingSchedule',
  ]);
  const type = required(body, 'reportType');
  if (typeof type !== 'string') throw invalidParameter('reportType', String(type));
  const refusal = creationRefusal(type, op.store.env, true, op.state.faults.config.sandboxRefusesTransactionTypes);
  if (refusal) throw new ApiError(400, 'InvalidParameterValue', refusal);
  const frequency = required(body, 'scheduleFrequency');
  if (typeof frequency !== 'string' || !(SCHEDULE_FREQUENCIES as readonly string[]).includes(frequency)) {
    throw invalidParameter('scheduleFrequency', String(frequency));
  }
  const next =
    body.nextReportCreationTime === undefined
      ? op.now + frequencyMs(frequency)
      : date(body.nextReportCreationTime, 'nextReportCreationTime');
  const replace = body.deleteExistingSchedule ?? false;
  if (typeof replace !== 'boolean') throw invalidParameter('deleteExistingSchedule', String(replace));
  const existing = [...op.store.schedules.values()].find((s) => s.reportType === type);
  if (existing && !replace) {
    throw new ApiError(
      400,
      'InvalidRequest',
      `A schedule for ${type} already exists (${existing.reportScheduleId}); set deleteExistingSchedule to true to replace it.`,
    );
  }
  if (existing) op.store.schedules.delete(existing.reportScheduleId);
  const schedule = op.store.createSchedule(type, frequency, next);
  return { status: 201, body: { reportScheduleId: schedule.reportScheduleId } };
}

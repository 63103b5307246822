import type { AccountView, BatchView, JobView } from '@/utils/messaging/protocol';

export const NOW = Date.parse('2026-11-20T12:00:00.000Z');

export function account(overrides: Partial<AccountView> = {}): AccountView {
  return {
    id: 'acc-1',
    label: 'Demo Shop',
    region: 'na',
    environment: 'live',
    publicKeyId: 'LIVE-AEMULATORNALIVE000000001',
    algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
    createdAt: '2026-11-01T00:00:00.000Z',
    hasKey: true,
    ...overrides,
  };
}

export function batch(
  overrides: Omit<Partial<BatchView>, 'counts'> & { counts?: Partial<BatchView['counts']> } = {},
): BatchView {
  const { counts, ...rest } = overrides;
  return {
    batchId: 'b1',
    accountId: 'acc-1',
    total: 0,
    paused: false,
    counts: { queued: 0, 'requesting-url': 0, downloading: 0, done: 0, failed: 0, cancelled: 0, ...counts },
    ...rest,
  };
}

export function job(overrides: Partial<JobView> = {}): JobView {
  return { jobId: 'j1', batchId: 'b1', accountId: 'acc-1', reportId: 'R1', state: 'queued', ...overrides };
}

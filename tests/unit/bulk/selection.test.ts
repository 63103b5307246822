import { describe, expect, it } from 'vitest';
import { defaultForm, formProblem, toSelection, typesForAccounts, type BulkForm } from '@/utils/bulk/selection';
import { typesFor } from '@/utils/amazon-pay/report-types';
import { account, NOW } from '../components/options/fixtures';

const form = (patch: Partial<BulkForm> = {}): BulkForm => ({ ...defaultForm([account()], NOW), ...patch });

describe('the bulk selection', () => {
  it('defaults to every account and type, completed reports, the last 30 days', () => {
    const sandbox = account({ id: 'sb', environment: 'sandbox' });
    const value = defaultForm([account(), sandbox], NOW);
    expect(value.accountIds).toEqual(['acc-1', 'sb']);
    expect(value.statuses).toEqual(['COMPLETED']);
    expect(value).toMatchObject({ from: '2026-10-21', to: '2026-11-20' });
    expect(value.reportTypes).toContain('_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_');
    expect(value.reportTypes).toContain('_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_');
  });

  it('offers sandbox accounts only the sandbox settlement, live accounts everything else', () => {
    expect(typesFor('sandbox')).toEqual(['_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_']);
    expect(typesFor('live')).not.toContain('_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_');
    expect(typesFor('live')).toHaveLength(7);
    expect(typesForAccounts([account()])).toEqual(typesFor('live'));
  });

  it.each([
    [{ accountIds: [] }, 'bulkNeedAccount'],
    [{ reportTypes: [] }, 'bulkNeedType'],
    [{ statuses: [] }, 'bulkNeedStatus'],
    [{ from: '' }, 'periodMissing'],
    [{ from: '2026-08-21' }, 'periodTooOld'],
    [{ to: '2026-11-21' }, 'periodFuture'],
    [{ from: '2026-11-10', to: '2026-11-09' }, 'periodReversed'],
    [{ from: '2026-08-22', to: '2026-08-22' }, undefined],
    [{}, undefined],
  ] as Array<[Partial<BulkForm>, string | undefined]>)('finds %o → %s', (patch, problem) => {
    expect(formProblem(form(patch), NOW)).toBe(problem);
  });

  it('asks for whole UTC days, clamped to the retention and to now', () => {
    expect(toSelection(form({ from: '2026-11-01', to: '2026-11-02' }), NOW)).toMatchObject({
      createdSince: '2026-11-01T00:00:00.000Z',
      createdUntil: '2026-11-02T23:59:59.999Z',
    });
    const edge = toSelection(form({ from: '2026-08-22', to: '2026-11-20' }), NOW);
    expect(edge.createdSince).toBe('2026-08-22T12:00:00.000Z');
    expect(edge.createdUntil).toBe(new Date(NOW).toISOString());
  });
});

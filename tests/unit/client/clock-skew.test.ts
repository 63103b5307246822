import { describe, expect, it, vi } from 'vitest';
import { createClockSkewStore, estimateSkew, isClockRejection } from '@/utils/amazon-pay/clock-skew';

describe('ClockSkewStore', () => {
  it('keeps offsets per region, 0 until recorded', () => {
    const store = createClockSkewStore({ initial: { jp: 5000 } });
    store.record('eu', -300_000);
    expect([store.offset('na'), store.offset('eu'), store.offset('jp')]).toEqual([0, -300_000, 5000]);
    expect(store.snapshot()).toEqual({ eu: -300_000, jp: 5000 });
  });

  it('hands every change to the persistence hook and survives a failing one', async () => {
    const save = vi.fn().mockRejectedValueOnce(new Error('quota'));
    const store = createClockSkewStore({ persistence: { save } });
    store.record('na', 1000);
    store.record('na', 2000);
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    expect(save.mock.calls.map((c) => c[0])).toEqual([{ na: 1000 }, { na: 2000 }]);
    expect(store.offset('na')).toBe(2000);
  });
});

describe('estimateSkew', () => {
  it('is server Date minus local receive time', () => {
    const received = Date.parse('2024-01-15T12:05:00.700Z');
    expect(estimateSkew('Mon, 15 Jan 2024 12:00:00 GMT', received)).toBe(-300_700);
  });
  it.each([null, 'garbage'])('is undefined for %j', (header) => expect(estimateSkew(header, 0)).toBeUndefined());
});

describe('isClockRejection', () => {
  it.each([
    'The value 20220125T140736Z provided for x-amz-pay-date should not be in future',
    'The value 20220125T140736Z provided for x-amz-pay-date is too old; server time is 20220125T141736Z',
    'x-amz-pay-date has expired',
  ])('recognises %j', (message) => {
    expect(isClockRejection(400, 'InvalidHeaderValue', message)).toBe(true);
  });
  it.each([
    [400, 'InvalidHeaderValue', 'The value provided for x-amz-pay-region is invalid'],
    [400, 'InvalidHeaderValue', 'The value 2024-13-45 provided for x-amz-pay-date is invalid'],
    [400, 'InvalidParameterValue', 'x-amz-pay-date'],
    [401, 'InvalidHeaderValue', 'x-amz-pay-date should not be in future'],
  ])('ignores %i %s %j', (status, code, message) => expect(isClockRejection(status, code, message)).toBe(false));
});

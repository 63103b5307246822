import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { sameSettings, settingsProblem } from '@/entrypoints/options/sections/auto-archive/auto-archive-form';
import { AutoArchivePanel } from '@/entrypoints/options/sections/auto-archive/AutoArchivePanel';
import type { AutoArchiveView } from '@/utils/messaging/protocol';
import { expectAccessible } from '../a11y';
import { account } from './fixtures';

const SETTLEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_';

function view(overrides: Partial<AutoArchiveView> = {}): AutoArchiveView {
  return {
    accountId: 'acc-1',
    enabled: false,
    reportTypes: [SETTLEMENT],
    intervalHours: 6,
    expiringUnarchived: 0,
    ...overrides,
  };
}

function renderPanel(
  v: AutoArchiveView,
  extra: { notificationsAllowed?: boolean; problem?: string; dirty?: boolean } = {},
) {
  const handlers = { onDraft: vi.fn(), onToggle: vi.fn(), onSave: vi.fn() };
  const settings = { enabled: v.enabled, reportTypes: v.reportTypes, intervalHours: v.intervalHours };
  const result = render(
    <AutoArchivePanel
      account={account()}
      view={v}
      draft={settings}
      busy={false}
      dirty={extra.dirty ?? false}
      problem={extra.problem}
      notificationsAllowed={extra.notificationsAllowed}
      {...handlers}
    />,
  );
  return { ...result, ...handlers };
}

describe("an account's auto-archive", () => {
  it('is off at first, with a switch that turns it on', async () => {
    const { container, onToggle } = renderPanel(view());
    const toggle = screen.getByRole('switch', { name: 'Archive new reports automatically' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(container.querySelector('dl')!.textContent).toBe('Last runNot yetNext runOffLast resultNone yet');
    fireEvent.click(toggle);
    expect(onToggle).toHaveBeenCalledWith(true);
    expect((screen.getByLabelText('Check every (hours)') as HTMLInputElement).value).toBe('6');
    expect((screen.getByLabelText('Settlement') as HTMLInputElement).checked).toBe(true);
    await expectAccessible(container);
  });

  it('shows the last and next run, the last result and the reports about to be lost', async () => {
    const { container } = renderPanel(
      view({
        enabled: true,
        lastRun: '2026-11-20T06:00:00.000Z',
        nextRun: '2026-11-20T12:00:00.000Z',
        lastResult: { queued: 4 },
        expiringUnarchived: 3,
      }),
      { notificationsAllowed: true },
    );
    const facts = container.querySelector('dl')!.textContent!;
    expect(facts).toContain('Nov 20, 2026');
    expect(facts).toContain('4 reports downloaded');
    expect(screen.getByText(/3 reports are deleted by Amazon within 7 days/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /bulk download/ }).getAttribute('href')).toBe('#bulk');
    expect(screen.queryByText(/Notifications are off/)).toBeNull();
    await expectAccessible(container);
  });

  it('says archiving runs without notifications when the permission was refused', () => {
    renderPanel(view({ enabled: true }), { notificationsAllowed: false });
    expect(screen.getByText(/Notifications are off because the browser's permission was not given/)).toBeTruthy();
  });

  it('shows a failed run with its user message', () => {
    renderPanel(
      view({
        lastResult: {
          queued: 0,
          error: { name: 'E', code: 'network', message: 'x', userMessage: 'Amazon Pay could not be reached.' },
        },
      }),
    );
    expect(screen.getByText('Failed: Amazon Pay could not be reached.')).toBeTruthy();
  });

  it('edits types and interval, and saves them', async () => {
    const { container, onDraft, onSave } = renderPanel(view(), {
      dirty: true,
      problem: 'Choose at least one report type.',
    });
    fireEvent.click(screen.getByLabelText('Refund'));
    expect(onDraft).toHaveBeenCalledWith(
      expect.objectContaining({ reportTypes: [SETTLEMENT, '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_'] }),
    );
    expect(screen.getByRole('alert').textContent).toBe('Choose at least one report type.');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(onSave).toHaveBeenCalled();
    await expectAccessible(container);
  });
});

describe('auto-archive settings', () => {
  it.each([
    [{ reportTypes: [] }, 'autoArchiveNeedType'],
    [{ intervalHours: 0 }, 'autoArchiveIntervalRange'],
    [{ intervalHours: 169 }, 'autoArchiveIntervalRange'],
    [{ intervalHours: 2.5 }, 'autoArchiveIntervalRange'],
    [{ intervalHours: Number.NaN }, 'autoArchiveIntervalRange'],
    [{ intervalHours: 168 }, undefined],
  ])('%o → %s', (patch, problem) => {
    expect(settingsProblem({ enabled: true, reportTypes: [SETTLEMENT], intervalHours: 6, ...patch })).toBe(problem);
  });

  it('compares types as a set, and leaves the switch out', () => {
    const a = { enabled: true, reportTypes: ['x', 'y'], intervalHours: 6 };
    expect(sameSettings(a, { ...a, reportTypes: ['y', 'x'] })).toBe(true);
    expect(sameSettings(a, { ...a, reportTypes: ['x'] })).toBe(false);
    expect(sameSettings(a, { ...a, intervalHours: 7 })).toBe(false);
    expect(sameSettings(a, { ...a, enabled: false })).toBe(true);
  });
});

import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { defaultForm, type BulkForm } from '@/utils/bulk/selection';
import { BulkFormView } from '@/entrypoints/options/sections/bulk/BulkFormView';
import type { BulkPreview } from '@/utils/messaging/protocol';
import { expectAccessible } from '../a11y';
import { account, NOW } from './fixtures';

const accounts = [account(), account({ id: 'acc-2', label: 'EU Shop', region: 'eu' })];

function renderForm(props: { form?: BulkForm; preview?: BulkPreview; problem?: string } = {}) {
  const handlers = { onChange: vi.fn(), onCheck: vi.fn(), onStart: vi.fn() };
  const view = render(
    <BulkFormView
      accounts={accounts}
      form={props.form ?? defaultForm(accounts, NOW)}
      problem={props.problem}
      preview={props.preview}
      busy={false}
      now={NOW}
      {...handlers}
    />,
  );
  return { ...view, ...handlers };
}

describe('the bulk download form', () => {
  it('offers accounts, readable report types, statuses (completed by default) and a period', async () => {
    const { container } = renderForm();
    expect(screen.getByRole('group', { name: 'Accounts' })).toBeTruthy();
    const types = screen.getByRole('group', { name: 'Report types' });
    expect(within(types).getByLabelText('Settlement')).toBeTruthy();
    expect(within(types).getByLabelText('Order reference')).toBeTruthy();
    expect((screen.getByLabelText('Completed') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Failed') as HTMLInputElement).checked).toBe(false);
    const from = screen.getByLabelText('From') as HTMLInputElement;
    expect(from.value).toBe('2026-10-21');
    expect(from.min).toBe('2026-08-22');
    expect((screen.getByLabelText('To') as HTMLInputElement).max).toBe('2026-11-20');
    expect(screen.queryByRole('button', { name: /Download/ })).toBeNull();
    await expectAccessible(container);
  });

  it('reports a change of status and checks on submit', () => {
    const { onChange, onCheck } = renderForm();
    fireEvent.click(screen.getByLabelText('Failed'));
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ statuses: ['COMPLETED', 'FAILED'] }));
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(onCheck).toHaveBeenCalled();
  });

  it('says that only completed reports download when others are chosen', () => {
    renderForm({ form: { ...defaultForm(accounts, NOW), statuses: ['COMPLETED', 'FAILED'] } });
    expect(screen.getByText(/Only completed reports can be downloaded/)).toBeTruthy();
  });

  it('shows what keeps the form from being checked', async () => {
    const { container } = renderForm({ problem: 'Choose at least one report type.' });
    expect(screen.getByRole('alert').textContent).toBe('Choose at least one report type.');
    await expectAccessible(container);
  });

  it('shows how many match and are archived before starting', async () => {
    const preview: BulkPreview = {
      perAccount: [
        { accountId: 'acc-1', matching: 30, archived: 5, reportIds: [] },
        { accountId: 'acc-2', matching: 12, archived: 0, reportIds: [] },
      ],
    };
    const { container, onStart } = renderForm({ preview });
    const table = screen.getByRole('table', { name: 'Matching reports' });
    expect(within(table).getByText('Demo Shop').closest('tr')!.textContent).toBe('Demo Shop30525');
    expect(within(table).getByText('Total').closest('tr')!.textContent).toBe('Total42537');
    fireEvent.click(screen.getByRole('button', { name: 'Download 37 reports' }));
    expect(onStart).toHaveBeenCalled();
    await expectAccessible(container);
  });

  it('has nothing to start when everything is archived', () => {
    renderForm({ preview: { perAccount: [{ accountId: 'acc-1', matching: 3, archived: 3, reportIds: [] }] } });
    expect((screen.getByRole('button', { name: 'Nothing new to download' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

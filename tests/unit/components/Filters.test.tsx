import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { BulkBar } from '@/components/BulkBar';
import { Filters } from '@/components/Filters';
import { Notice } from '@/components/Notice';
import type { BatchView } from '@/utils/messaging/protocol';
import { DEFAULT_FILTERS } from '@/utils/views/report-filters';
import { expectAccessible } from './a11y';

const types = ['_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_', '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_'];

describe('filters', () => {
  it('offers the account types by name and reports a multi-selection', async () => {
    const onChange = vi.fn();
    const { container } = render(<Filters filters={DEFAULT_FILTERS} availableTypes={types} onChange={onChange} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Refund' }));
    expect(onChange).toHaveBeenLastCalledWith({
      ...DEFAULT_FILTERS,
      types: ['_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_'],
    });
    await expectAccessible(container);
  });

  it('summarises the chosen types', () => {
    render(<Filters filters={{ ...DEFAULT_FILTERS, types }} availableTypes={types} onChange={vi.fn()} />);
    expect(screen.getByText('2 types')).toBeTruthy();
  });

  it('changes status, period and search', () => {
    const onChange = vi.fn();
    render(<Filters filters={DEFAULT_FILTERS} availableTypes={types} onChange={onChange} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'FAILED' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_FILTERS, status: 'FAILED' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Created' }), { target: { value: '7' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_FILTERS, period: '7' });
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search report ID' }), { target: { value: 'A08' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_FILTERS, search: 'A08' });
  });

  it('shows date fields for a custom period', async () => {
    const onChange = vi.fn();
    const { container } = render(
      <Filters filters={{ ...DEFAULT_FILTERS, period: 'custom' }} availableTypes={types} onChange={onChange} />,
    );
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-10-01' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_FILTERS, period: 'custom', from: '2026-10-01' });
    await expectAccessible(container);
  });
});

function batch(counts: Partial<BatchView['counts']>): BatchView {
  return {
    batchId: 'b1',
    accountId: 'a',
    total: 10,
    paused: false,
    counts: { queued: 0, 'requesting-url': 0, downloading: 0, done: 0, failed: 0, cancelled: 0, ...counts },
  };
}

describe('bulk bar', () => {
  it('offers to download everything shown', async () => {
    const onDownloadAll = vi.fn();
    const { container } = render(<BulkBar downloadable={12} onDownloadAll={onDownloadAll} onCancel={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download all 12 shown' }));
    expect(onDownloadAll).toHaveBeenCalled();
    await expectAccessible(container);
  });

  it('is disabled with nothing to download', () => {
    render(<BulkBar downloadable={0} onDownloadAll={vi.fn()} onCancel={vi.fn()} />);
    expect((screen.getByRole('button', { name: 'Nothing to download' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows one progress bar while a batch runs, and cancels it', async () => {
    const onCancel = vi.fn();
    const { container } = render(
      <BulkBar
        downloadable={10}
        batch={batch({ done: 4, queued: 5, downloading: 1 })}
        onDownloadAll={vi.fn()}
        onCancel={onCancel}
      />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Download progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('4');
    expect(bar.getAttribute('aria-valuemax')).toBe('10');
    expect(bar.getAttribute('aria-valuetext')).toBe('4 of 10 reports saved');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledWith('b1');
    await expectAccessible(container);
  });
});

describe('notice', () => {
  it('is an alert with its one way forward', async () => {
    const onClick = vi.fn();
    const { container } = render(
      <Notice tone="error" title="This account has no private key yet" action={{ label: 'Fix in Settings', onClick }}>
        body
      </Notice>,
    );
    expect(screen.getByRole('alert').textContent).toContain('no private key');
    fireEvent.click(screen.getByRole('button', { name: 'Fix in Settings' }));
    expect(onClick).toHaveBeenCalled();
    await expectAccessible(container);
  });
});

describe('type picker', () => {
  it('closes on Escape and on a click elsewhere', () => {
    const { container } = render(
      <div>
        <Filters filters={DEFAULT_FILTERS} availableTypes={types} onChange={vi.fn()} />
        <p>outside</p>
      </div>,
    );
    const details = container.querySelector('details')!;
    details.open = true;
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'Refund' }), { key: 'Escape' });
    expect(details.open).toBe(false);
    details.open = true;
    fireEvent.pointerDown(screen.getByText('outside'));
    expect(details.open).toBe(false);
  });
});

describe('bulk bar without cancelling (Seller Central panel)', () => {
  it('shows progress but no Cancel', () => {
    render(<BulkBar downloadable={10} batch={batch({ done: 1, queued: 9 })} onDownloadAll={vi.fn()} />);
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });
});

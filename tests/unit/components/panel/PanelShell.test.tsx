import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PanelShell } from '@/components/panel/PanelShell';
import { expectAccessible } from '../a11y';

const SETTINGS = 'chrome-extension://id/open-settings.html';

function renderShell() {
  return render(
    <PanelShell settingsUrl={SETTINGS}>
      <p>panel content</p>
    </PanelShell>,
  );
}

describe('the Seller Central launcher and panel', () => {
  it('starts as a lone, named launcher and renders nothing else until opened', async () => {
    const { container } = renderShell();
    const launcher = screen.getByRole('button', { name: 'Amazon Pay reports (Report Courier)' });
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('panel content')).toBeNull();
    await expectAccessible(container);
  });

  it('opens a labelled panel with the content, a settings link and a close button', async () => {
    const { container } = renderShell();
    fireEvent.click(screen.getByRole('button', { name: /Amazon Pay reports/ }));
    const dialog = screen.getByRole('region', { name: 'Amazon Pay reports' });
    expect(dialog.textContent).toContain('panel content');
    const link = screen.getByRole('link', { name: 'Settings (opens in a new tab)' });
    expect(link.getAttribute('href')).toBe(SETTINGS);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(screen.getByRole('button', { name: /Amazon Pay reports/ }).getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(container);
  });

  it('puts the panel after the launcher in the tab order', () => {
    renderShell();
    fireEvent.click(screen.getByRole('button', { name: /Amazon Pay reports/ }));
    const launcher = screen.getByRole('button', { name: /Amazon Pay reports/ });
    const region = screen.getByRole('region');
    expect(launcher.compareDocumentPosition(region) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('closes with Escape or the close button, keeps its content mounted, and gives focus back to the launcher', () => {
    renderShell();
    const launcher = screen.getByRole('button', { name: /Amazon Pay reports/ });
    fireEvent.click(launcher);
    fireEvent.keyDown(screen.getByRole('region'), { key: 'Escape' });
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.getByText('panel content')).toBeTruthy();
    expect(document.activeElement).toBe(launcher);

    fireEvent.click(launcher);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('region')).toBeNull();
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
  });
});

import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { render as renderWithoutAct } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { loadSection } from '@/entrypoints/options/section-loader';
import { SectionView } from '@/entrypoints/options/SectionView';
import { sectionFor, SECTIONS, type Section } from '@/entrypoints/options/sections';

function section(id: string, load: Section['load']): Section {
  return { id, label: 'navHistory', load };
}

describe("the options page's sections, loaded when shown", () => {
  it('names each section by its address, and the first one for an unknown or empty address', () => {
    expect(sectionFor('#settlements').id).toBe('settlements');
    expect(sectionFor('#auto-archive').id).toBe('auto-archive');
    expect(sectionFor('#nothing').id).toBe('accounts');
    expect(sectionFor('').id).toBe('accounts');
  });

  it.each(SECTIONS.map((s) => [s.id, s] as const))('loads the %s section as a view', async (_id, s) => {
    expect(typeof (await s.load())).toBe('function');
  });

  it('says it is loading until the code is there, then shows the view; shown again, it comes at once', async () => {
    let arrive: (view: () => preact.JSX.Element) => void = () => undefined;
    const load = vi.fn(() => new Promise<() => preact.JSX.Element>((resolve) => (arrive = resolve)));
    const shown = section('loads-later', load);
    const first = render(<SectionView section={shown} />);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    arrive(() => <p>The view</p>);
    expect(await screen.findByText('The view')).toBeTruthy();
    first.unmount();
    render(<SectionView section={shown} />);
    expect(screen.getByText('The view')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shows the view when its code arrives between the first render and the effect that waits for it', async () => {
    let arrive: (view: () => preact.JSX.Element) => void = () => undefined;
    const early = section('arrives-early', () => new Promise((resolve) => (arrive = resolve)));
    // As the page does: the code is asked for before the first render.
    void loadSection(early);
    const root = document.body.appendChild(document.createElement('div'));
    // Without act(), the render's effects wait for the next frame, as in the browser; the code arrives first.
    renderWithoutAct(<SectionView section={early} />, root);
    expect(root.textContent).toBe('Loading…');
    arrive(() => <p>The view</p>);
    await waitFor(() => expect(root.textContent).toBe('The view'));
    renderWithoutAct(null, root);
    root.remove();
  });

  it('says clearly when the code cannot be loaded, offers a reload, and tries anew on the next visit', async () => {
    const load = vi.fn(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    const broken = section('broken', load);
    const first = render(<SectionView section={broken} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This section could not be loaded');
    expect(alert.textContent).toContain('Failed to fetch dynamically imported module');
    const reload = vi.fn();
    vi.stubGlobal('location', { ...location, reload });
    fireEvent.click(screen.getByRole('button', { name: 'Reload the page' }));
    expect(reload).toHaveBeenCalledOnce();
    vi.unstubAllGlobals();
    first.unmount();
    render(<SectionView section={broken} />);
    await screen.findByRole('alert');
    expect(load).toHaveBeenCalledTimes(2);
  });
});

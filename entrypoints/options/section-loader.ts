/**
 * Loads a section's code once; kept apart from the view that shows it so the page's first script can start the
 * load without the page's own code.
 */
import type { ComponentType } from 'preact';
import type { Section } from './sections';

export type Loaded = { view: ComponentType } | { error: string };

/** Section views whose code is here, by id: a section shown before comes back in the same frame. */
const views = new Map<string, ComponentType>();
const loading = new Map<string, Promise<Loaded>>();

/** Starts loading `section`'s code; a failed load is tried anew next time. */
export function loadSection(section: Section): Promise<Loaded> {
  let load = loading.get(section.id);
  if (!load) {
    load = section.load().then(
      (view) => {
        views.set(section.id, view);
        return { view };
      },
      (error: unknown) => {
        loading.delete(section.id);
        return { error: String(error) };
      },
    );
    loading.set(section.id, load);
  }
  return load;
}

/** The section's view, when its code is here. */
export function loadedView(id: string): ComponentType | undefined {
  return views.get(id);
}

import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { t } from '@/utils/i18n';
import type { Section } from './sections';

type Loaded = { view: ComponentType } | { error: string };

/** Section views whose code is here, by id: a section shown before comes back in the same frame. */
const views = new Map<string, ComponentType>();
const loading = new Map<string, Promise<Loaded>>();

/** Starts loading `section`'s code (the page calls it before its first render); a failed load is tried anew next time. */
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

/** The section's view once its code is loaded; until then a loading line, and a clear error if it cannot load. */
export function SectionView({ section }: { section: Section }) {
  const [failed, setFailed] = useState<{ id: string; error: string }>();
  const [, setLoadedId] = useState<string>();
  const View = views.get(section.id);
  useEffect(() => {
    // Code that arrived between the render and this effect: render it now, or the loading line would stay.
    if (views.has(section.id)) {
      setLoadedId(section.id);
      return;
    }
    let current = true;
    void loadSection(section).then((loaded) => {
      if (!current) return;
      if ('error' in loaded) setFailed({ id: section.id, error: loaded.error });
      else setLoadedId(section.id);
    });
    return () => {
      current = false;
    };
  }, [section]);
  if (View) return <View />;
  if (failed?.id === section.id) {
    return (
      <Notice
        tone="error"
        title={t('sectionLoadFailed')}
        action={{ label: t('sectionReload'), onClick: () => location.reload() }}
      >
        {failed.error}
      </Notice>
    );
  }
  return (
    <p class="hint section-loading" role="status">
      {t('loading')}
    </p>
  );
}

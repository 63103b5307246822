import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { t } from '@/utils/i18n';
import { showLivePage } from './kept-list';
import { loadedView, loadSection } from './section-loader';
import type { Section } from './sections';

/** The section's view once its code is loaded; until then a loading line, and a clear error if it cannot load. */
export function SectionView({ section }: { section: Section }) {
  const [failed, setFailed] = useState<{ id: string; error: string }>();
  const [, setLoadedId] = useState<string>();
  const View = loadedView(section.id);
  useEffect(() => {
    // Code that arrived between the render and this effect: render it now, or the loading line would stay.
    if (loadedView(section.id)) {
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
  const failedHere = failed?.id === section.id;
  // The error must not stay hidden under a kept screen.
  useLayoutEffect(() => {
    if (failedHere) showLivePage();
  }, [failedHere]);
  if (View) return <View />;
  if (failedHere) {
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

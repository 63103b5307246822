import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { KeyStorageNotice } from '@/components/KeyStorageNotice';
import { HostAccess } from './HostAccess';
import { showLivePage } from './kept-list';
import { SectionView } from './SectionView';
import { sectionFor, SECTIONS } from './sections';

/** One page, a side navigation, one section at a time; the address keeps the section so a reload stays put. */
export function App() {
  const [section, setSection] = useState(() => sectionFor(location.hash));
  useEffect(() => {
    const onHash = () => setSection(sectionFor(location.hash));
    addEventListener('hashchange', onHash);
    // An address changed between the first render and now sent its event to no one.
    onHash();
    return () => removeEventListener('hashchange', onHash);
  }, []);
  // Settlements says itself when its list is ready; any other section replaces the kept list at once.
  useLayoutEffect(() => {
    if (section.id !== 'settlements') showLivePage();
  }, [section]);
  return (
    <div class="options">
      <nav class="side-nav" aria-label={t('settingsNavLabel')}>
        <h1>{t('appTitle')}</h1>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} aria-current={s.id === section.id ? 'page' : undefined}>
                {t(s.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="section" id={`section-${section.id}`}>
        <KeyStorageNotice />
        <HostAccess />
        <h2>{t(section.label)}</h2>
        <SectionView key={section.id} section={section} />
      </main>
    </div>
  );
}

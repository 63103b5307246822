import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n';
import { KeyStorageNotice } from '@/components/KeyStorageNotice';
import { HostAccess } from './HostAccess';
import { AccountsSection } from './sections/accounts/AccountsSection';
import { AccountingSection } from './sections/books/AccountingSection';
import { BankSection } from './sections/books/BankSection';
import { ExportsSection } from './sections/books/ExportsSection';
import { AutoArchiveSection } from './sections/auto-archive/AutoArchiveSection';
import { BulkSection } from './sections/bulk/BulkSection';
import { HistorySection } from './sections/history/HistorySection';
import { ReportsSection } from './sections/reports/ReportsSection';
import { SettlementsSection } from './sections/settlements/SettlementsSection';

interface Section {
  id: string;
  label: MessageKey;
  render(): preact.JSX.Element;
}

const SECTIONS: Section[] = [
  { id: 'accounts', label: 'navAccounts', render: () => <AccountsSection /> },
  { id: 'bulk', label: 'navBulk', render: () => <BulkSection /> },
  { id: 'history', label: 'navHistory', render: () => <HistorySection /> },
  { id: 'auto-archive', label: 'navAutoArchive', render: () => <AutoArchiveSection /> },
  { id: 'reports', label: 'navReports', render: () => <ReportsSection /> },
  { id: 'settlements', label: 'navSettlements', render: () => <SettlementsSection /> },
  { id: 'accounting', label: 'navAccounting', render: () => <AccountingSection /> },
  { id: 'exports', label: 'navExports', render: () => <ExportsSection /> },
  { id: 'bank', label: 'navBank', render: () => <BankSection /> },
];

function currentSection(): string {
  const id = location.hash.slice(1);
  return SECTIONS.some((s) => s.id === id) ? id : SECTIONS[0]!.id;
}

/** One page, a side navigation, one section at a time; the address keeps the section so a reload stays put. */
export function App() {
  const [active, setActive] = useState(currentSection);
  useEffect(() => {
    const onHash = () => setActive(currentSection());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const section = SECTIONS.find((s) => s.id === active)!;
  return (
    <div class="options">
      <nav class="side-nav" aria-label={t('settingsNavLabel')}>
        <h1>{t('appTitle')}</h1>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} aria-current={s.id === active ? 'page' : undefined}>
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
        {section.render()}
      </main>
    </div>
  );
}

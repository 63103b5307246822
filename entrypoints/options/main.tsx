import { render } from 'preact';
import '@/components/styles.css';
import './options.css';
import './sections/settlements/ledger.css';
import './sections/books/books.css';
import { watchAccounts } from '@/utils/accounts/store';
import { uiLanguage } from '@/utils/i18n';
import { forgetFirstPaint } from '@/utils/views/first-paint';
import { App } from './App';
import { sectionFor } from './sections';
import { readListEarly } from './sections/settlements/ledger-db';
import { loadSection } from './SectionView';

// Screen readers choose their voice, and the browser its line breaking, by the page language: the UI's.
document.documentElement.lang = uiLanguage();

// The popup's kept screen must not show an account that was removed or renamed here.
watchAccounts(() => forgetFirstPaint());

// The active section's code, and for Settlements its list, load while the page renders its navigation.
const section = sectionFor(location.hash);
void loadSection(section);
if (section.id === 'settlements') void readListEarly();

render(<App />, document.getElementById('app')!);

import { render } from 'preact';
import '@/components/styles.css';
import './options.css';
import './sections/settlements/ledger.css';
import './sections/books/books.css';
import { watchAccounts } from '@/utils/accounts/store';
import { uiLanguage } from '@/utils/i18n';
import { forgetFirstPaint } from '@/utils/views/first-paint';
import { App } from './App';
import { ledgerDb } from './sections/settlements/ledger-db';

// Screen readers choose their voice, and the browser its line breaking, by the page language: the UI's.
document.documentElement.lang = uiLanguage();

// The popup's kept screen must not show an account that was removed or renamed here.
watchAccounts(() => forgetFirstPaint());

// The Settlements list waits for the ledger database: opening it while the page renders takes that wait off its
// first paint (a failed open is retried, and reported, by the section itself).
if (location.hash === '#settlements') ledgerDb().catch(() => undefined);

render(<App />, document.getElementById('app')!);

import { render } from 'preact';
import '@/components/styles.css';
import './options.css';
import './sections/settlements/ledger.css';
import './sections/books/books.css';
import { uiLanguage } from '@/utils/i18n';
import { App } from './App';

// Screen readers choose their voice, and the browser its line breaking, by the page language: the UI's.
document.documentElement.lang = uiLanguage();

render(<App />, document.getElementById('app')!);

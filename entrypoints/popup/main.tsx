import { render } from 'preact';
import '@/components/styles.css';
import { uiLanguage } from '@/utils/i18n';
import { App, startPopup } from './App';

// Screen readers choose their voice, and the browser its line breaking, by the page language: the UI's.
document.documentElement.lang = uiLanguage();

render(<App startup={startPopup()} />, document.getElementById('app')!);

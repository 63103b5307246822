import { render } from 'preact';
import '@/components/styles.css';
import { uiLanguage } from '@/utils/i18n';
import { App, readPopupStart } from './App';

// Screen readers choose their voice, and the browser its line breaking, by the page language: the UI's.
document.documentElement.lang = uiLanguage();

render(<App start={readPopupStart()} />, document.getElementById('app')!);

import { render } from 'preact';
import '@/components/styles.css';
import { App, startPopup } from './App';

render(<App startup={startPopup()} />, document.getElementById('app')!);

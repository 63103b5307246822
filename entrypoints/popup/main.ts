import '@/components/styles.css';
import { readPopupStart } from '@/utils/views/popup-start';

// The reads go out first. The views' code is fetched after this script has run, so the browser can paint the kept
// screen (utils/views/first-paint.ts) before it evaluates that code.
const start = readPopupStart();
void import('./mount').then(({ mount }) => mount(start));

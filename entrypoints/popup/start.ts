import { readPopupStart } from '@/utils/views/popup-start';

// The reads go out first; the views' code loads while they run.
const start = readPopupStart();
void import('./mount').then(({ mount }) => mount(start));

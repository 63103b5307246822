import './page.css';
import { loadSection } from './section-loader';
import { sectionFor } from './sections';
import { readListEarly } from './sections/settlements/ledger-db';

// The page's own code, the active section's code and, for Settlements, its list all load at once, after this
// small script has run: the browser can paint the kept list (entrypoints/options-first-paint.ts) before it
// evaluates any of them.
const section = sectionFor(location.hash);
void loadSection(section);
if (section.id === 'settlements') void readListEarly();
void import('./mount').then(({ mount }) => mount());

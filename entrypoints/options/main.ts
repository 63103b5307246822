import './page.css';

// The page's module imports nothing else up front: what it starts (./start) is fetched and compiled only once the
// kept-list script (entrypoints/options-first-paint.ts) has put the list in, so the browser paints that list without
// a module graph competing for the same moments. Fetched beside the page, the graph made the first paint slower.
void import('./start');

import '@/components/styles.css';

// The page's module imports nothing else up front: the storage reads and the views (./start) are fetched and compiled
// once the kept-screen script (entrypoints/popup-first-paint.ts) has put the last screen in, so nothing competes
// with the browser painting it.
void import('./start');

import { useEffect, useState } from 'preact/hooks';

/** Rows painted in the first frame; the rest follow in the next one, so a long list does not delay the first. */
export const FIRST_FRAME_ROWS = 25;

/** How many of a list's `total` rows to render now: the first frame's share, then all of them a frame later. */
export function useRowLimit(total: number): number {
  const [limit, setLimit] = useState(FIRST_FRAME_ROWS);
  const more = total > limit;
  useEffect(() => {
    if (!more) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setLimit(Infinity), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [more]);
  return limit;
}

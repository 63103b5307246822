/** Runs at most `limit` calls at once; the rest wait their turn in the order they came. */
export function createLimiter(limit: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async function run<T>(call: () => Promise<T>): Promise<T> {
    // A finished call hands its slot straight to the next in line, so no newcomer can slip in between.
    if (running < limit) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await call();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

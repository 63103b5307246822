import { useCallback, useState } from 'preact/hooks';
import type { SerializedError } from '@/utils/errors/base';
import { toSerialized } from '@/utils/messaging/client';

export interface RequestState {
  /** True while a request started with `run` has not settled: the view's buttons wait for it. */
  busy: boolean;
  /** The last failure, as data a view words with `errorText`. */
  error?: SerializedError;
  /** What the last successful `run` said it did. */
  notice?: string;
  /** Runs `work` (one or more `sendMessage` calls): the last error and notice go first; a string it returns becomes the notice, a throw the error. */
  run(work: () => Promise<string | void>): Promise<void>;
  /** Keeps a failure of a request made without `run`: a load in an effect, a request nothing waits for. */
  fail(thrown: unknown): void;
  /** Forgets the last error and notice (a new attempt, another account). */
  clear(): void;
}

/** The busy / error / notice state around a view's requests to the background. */
export function useRequest(): RequestState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SerializedError>();
  const [notice, setNotice] = useState<string>();

  const fail = useCallback((thrown: unknown) => setError(toSerialized(thrown)), []);
  const clear = useCallback(() => {
    setError(undefined);
    setNotice(undefined);
  }, []);
  const run = useCallback(
    async (work: () => Promise<string | void>) => {
      setBusy(true);
      clear();
      try {
        const said = await work();
        if (said) setNotice(said);
      } catch (thrown) {
        fail(thrown);
      } finally {
        setBusy(false);
      }
    },
    [clear, fail],
  );

  return { busy, error, notice, run, fail, clear };
}

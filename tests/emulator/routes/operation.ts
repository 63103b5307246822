/** What every Reports API operation handler receives. */
import type { Reply } from '../http';
import type { EmulatorState } from '../state';
import type { MerchantStore } from '../store';

export interface Operation {
  state: EmulatorState;
  store: MerchantStore;
  /** Emulator-clock ms. */
  now: number;
  /** Decoded query parameters in arrival order. */
  params: ReadonlyArray<readonly [string, string]>;
  /** The `{id}` path segment, when the route has one. */
  id: string;
  body: Buffer;
}

export type Handler = (op: Operation) => Reply;

import type { Browser } from 'wxt/browser';
import type { ProgressEvent } from '../messaging/protocol';

/** Every open view's progress port; events go to all of them, and a closed view simply drops out. */
export function createBroadcaster() {
  const ports = new Map<Browser.runtime.Port, (event: ProgressEvent) => boolean>();
  return {
    /** `accepts` narrows what a port hears, e.g. a Seller Central panel only its region's accounts. */
    add(port: Browser.runtime.Port, accepts: (event: ProgressEvent) => boolean = () => true) {
      ports.set(port, accepts);
      port.onDisconnect.addListener(() => ports.delete(port));
    },
    watched: () => ports.size > 0,
    send(event: ProgressEvent) {
      for (const [port, accepts] of ports) {
        if (!accepts(event)) continue;
        try {
          port.postMessage(event);
        } catch {
          ports.delete(port);
        }
      }
    },
  };
}

export type Broadcaster = ReturnType<typeof createBroadcaster>;

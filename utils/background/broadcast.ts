import type { Browser } from 'wxt/browser';
import type { ProgressEvent } from '../messaging/protocol';

/** What one port hears of an event: the event, a narrower copy of it, or nothing. */
export type PortView = (event: ProgressEvent) => ProgressEvent | undefined | Promise<ProgressEvent | undefined>;

/** Every open view's progress port; events go to all of them, and a closed view simply drops out. */
export function createBroadcaster() {
  const ports = new Map<Browser.runtime.Port, { view: PortView; queue: Promise<void> }>();
  const post = (port: Browser.runtime.Port, event: ProgressEvent) => {
    try {
      port.postMessage(event);
    } catch {
      ports.delete(port);
    }
  };
  return {
    /** `view` narrows what a port hears, e.g. a Seller Central panel only its region's accounts; per event. */
    add(port: Browser.runtime.Port, view: PortView = (event) => event) {
      ports.set(port, { view, queue: Promise.resolve() });
      port.onDisconnect.addListener(() => ports.delete(port));
    },
    watched: () => ports.size > 0,
    send(event: ProgressEvent) {
      for (const [port, entry] of ports) {
        // A view may look things up; each port's events still leave in the order they were sent.
        entry.queue = entry.queue
          .then(() => entry.view(event))
          .then((shown) => {
            if (shown && ports.has(port)) post(port, shown);
          })
          .catch(() => undefined);
      }
    },
  };
}

export type Broadcaster = ReturnType<typeof createBroadcaster>;

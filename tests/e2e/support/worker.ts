import type { CDPSession } from 'playwright-core';
import type { ExtensionSession } from '../harness';

/**
 * The extension's service worker seen through the browser's CDP session. In Debian Chromium 156
 * `Target.closeTarget` on the `service_worker` target stops the worker at once (its target disappears, its
 * globals are gone); the next extension event (a message, an alarm, downloads.onChanged) starts a fresh one.
 * `ServiceWorker.stopWorker` through a page session on the extension origin works as well; this needs no page.
 */
export interface WorkerControl {
  /** Stops the running worker: the moment the stop was sent (epoch ms, sub-ms), or null when none was running. */
  kill(): Promise<number | null>;
  running(): Promise<boolean>;
  /** V8 heap in use, after a forced GC, in bytes (Runtime.getHeapUsage on the worker's target). */
  heapUsed(): Promise<number>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export async function workerControl(browser: ExtensionSession): Promise<WorkerControl> {
  const cdp: CDPSession = await browser.context.browser()!.newBrowserCDPSession();
  const origin = `chrome-extension://${browser.extensionId}/`;

  async function target(): Promise<TargetInfo | undefined> {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    return targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(origin));
  }

  /** A non-flat session: the browser session relays its messages, so no page is needed. */
  async function call(targetId: string, method: string): Promise<any> {
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as {
      sessionId: string;
    };
    try {
      return await new Promise((resolve, reject) => {
        const onMessage = (event: { sessionId: string; message: string }) => {
          const msg = JSON.parse(event.message);
          if (event.sessionId !== sessionId || msg.id !== 1) return;
          cdp.off('Target.receivedMessageFromTarget', onMessage);
          if (msg.error) reject(new Error(`${method}: ${msg.error.message}`));
          else resolve(msg.result);
        };
        cdp.on('Target.receivedMessageFromTarget', onMessage);
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method }) }).catch(reject);
      });
    } finally {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    }
  }

  return {
    async kill() {
      const sw = await target();
      if (!sw) return null;
      const at = performance.timeOrigin + performance.now();
      await cdp.send('Target.closeTarget', { targetId: sw.targetId });
      // Gone from the target list once it has really stopped.
      for (let i = 0; i < 50 && (await target())?.targetId === sw.targetId; i++)
        await new Promise((r) => setTimeout(r, 20));
      return at;
    },
    running: async () => (await target()) !== undefined,
    async heapUsed() {
      const sw = await target();
      if (!sw) throw new Error('no service worker running');
      await call(sw.targetId, 'HeapProfiler.collectGarbage');
      return (await call(sw.targetId, 'Runtime.getHeapUsage')).usedSize as number;
    },
  };
}

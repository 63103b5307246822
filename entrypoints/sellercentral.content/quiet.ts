import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Chrome's wording when an updated or removed extension leaves this content script behind. */
const INVALIDATED = /Extension context invalidated/i;

/**
 * Runs a call to the background; once the extension is gone (updated, reloaded, removed) it neither throws nor
 * settles, and the context is marked invalid so the panel is taken down instead of showing an error.
 */
export async function quietWhenInvalid<T>(ctx: ContentScriptContext, call: () => Promise<T>): Promise<T> {
  if (ctx.isInvalid) return ctx.block();
  try {
    return await call();
  } catch (error) {
    if (ctx.isInvalid) return ctx.block();
    if (error instanceof Error && INVALIDATED.test(error.message)) {
      ctx.notifyInvalidated();
      return ctx.block();
    }
    throw error;
  }
}

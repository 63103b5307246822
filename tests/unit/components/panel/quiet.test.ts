// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { quietWhenInvalid } from '@/entrypoints/sellercentral.content/quiet';

const settled = (promise: Promise<unknown>) =>
  Promise.race([
    promise.then(
      () => 'resolved',
      () => 'rejected',
    ),
    new Promise((r) => setTimeout(() => r('pending'), 50)),
  ]);

describe('messaging from a content script the extension may have left behind', () => {
  it('passes answers and ordinary errors through while the extension is there', async () => {
    const ctx = new ContentScriptContext('test');
    await expect(quietWhenInvalid(ctx, async () => 42)).resolves.toBe(42);
    await expect(
      quietWhenInvalid(ctx, async () => {
        throw new Error('Refused');
      }),
    ).rejects.toThrow('Refused');
    expect(ctx.isValid).toBe(true);
  });

  it('neither settles nor throws on "Extension context invalidated", and invalidates the context', async () => {
    const ctx = new ContentScriptContext('test');
    const call = quietWhenInvalid(ctx, async () => {
      throw new Error('Extension context invalidated.');
    });
    expect(await settled(call)).toBe('pending');
    expect(ctx.signal.aborted).toBe(true);
  });

  it('does not even call the background once the context is invalid', async () => {
    const ctx = new ContentScriptContext('test');
    ctx.notifyInvalidated();
    let called = false;
    expect(
      await settled(
        quietWhenInvalid(ctx, async () => {
          called = true;
        }),
      ),
    ).toBe('pending');
    expect(called).toBe(false);
    expect(fakeBrowser.runtime.id).toBeTruthy();
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelDriver } from './fixtures/sellercentral/closed-shadow';
import { sellerCentralHandlers } from './fixtures/sellercentral/serve';
import { addSeededAccount, filesUnder, seededMerchant, startStack, type Stack } from './support/stack';

const merchant = seededMerchant('na');
const PAGE = 'https://sellercentral.amazon.com/gp/pyop/transactions/index.html';
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ hostHandlers: sellerCentralHandlers() });
  await addSeededAccount(stack.browser, 'Demo Shop', 'na');
});

afterAll(async () => {
  await stack?.close();
});

async function openPage(initScript?: () => void): Promise<{ page: Page; panel: PanelDriver }> {
  const page = await stack.browser.context.newPage();
  if (initScript) await page.addInitScript(initScript);
  await page.goto(PAGE);
  const panel = await PanelDriver.attach(page);
  await expect.poll(() => panel.hostPresent()).toBe(true);
  return { page, panel };
}

/** What the extension did on Amazon's side and on disk: API and document requests, and finished files. */
function footprint() {
  return { requests: stack.emulator.admin.requests().length, files: filesUnder(stack.browser.downloadDir).length };
}

/** The panel has its fresh list (not refreshing any more) and nothing has reached the emulator for `quietMs`. */
async function settled(panel: PanelDriver, quietMs = 500): Promise<ReturnType<typeof footprint>> {
  await panel.waitFor(
    `return root.querySelector('li.report') && root.querySelector('section.panel')?.getAttribute('aria-busy') !== 'true';`,
  );
  let last = footprint();
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = footprint();
    if (now.requests !== last.requests || now.files !== last.files) [last, since] = [now, Date.now()];
  }
  return last;
}

describe('what Seller Central’s own scripts can do with the panel', () => {
  it('nothing: no extension messaging, no window messages, no reaching into the shadow root', async () => {
    const { page, panel } = await openPage();
    await panel.click('.rc-launcher');
    const before = await settled(panel);
    const reportIds = await panel.run<string[]>(
      `return [...root.querySelectorAll('li.report')].map((li) => li.dataset.reportId);`,
    );
    const attempt = { type: 'downloadReports', payload: { accountId: 'any', reportIds } };

    const results = await page.evaluate(
      async ({ extensionId, attempt }) => {
        const out: Record<string, string> = {};
        const chrome = (
          globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }
        ).chrome;
        try {
          out.sendMessage = String(await chrome!.runtime!.sendMessage!(extensionId, attempt));
        } catch (error) {
          out.sendMessage = `failed: ${String(error)}`;
        }
        for (const message of [attempt, { ...attempt, source: 'report-courier' }, JSON.stringify(attempt)])
          window.postMessage(message, '*');
        // The look-alike's own body is a header, a main and a script; the extension's host is whatever else is there.
        const host = [...document.body.children].find(
          (el) => !['HEADER', 'MAIN', 'SCRIPT'].includes(el.tagName),
        ) as HTMLElement;
        out.shadowRoot = String(host.shadowRoot);
        host.click();
        for (const type of ['keydown', 'keyup'])
          host.dispatchEvent(new KeyboardEvent(type, { key: 'Enter', bubbles: true, composed: true }));
        host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: 1200, clientY: 400 }));
        // A forged WXT location event: the panel re-reads the real address, which has not changed.
        window.dispatchEvent(new Event(`${extensionId}:sellercentral:wxt:locationchange`));
        try {
          host.attachShadow({ mode: 'open' });
          out.attachShadow = 'attached';
        } catch (error) {
          out.attachShadow = `failed: ${(error as Error).name}`;
        }
        out.attributes = [...host.attributes].map((a) => a.name).join(',');
        out.rootAttributes = [...document.documentElement.attributes].map((a) => a.name).join(',');
        try {
          out.fetchOptions = String((await fetch(`chrome-extension://${extensionId}/options.html`)).status);
        } catch (error) {
          out.fetchOptions = `failed: ${String(error)}`;
        }
        return out;
      },
      { extensionId: stack.browser.extensionId, attempt },
    );

    expect(results.sendMessage).toMatch(/^failed: /);
    expect(results.shadowRoot).toBe('null');
    expect(results.attachShadow).toBe('failed: NotSupportedError');
    expect(results.attributes).toBe('');
    expect(results.rootAttributes).toBe('lang');
    expect(results.fetchOptions).toMatch(/^failed: /);

    await page.waitForTimeout(3000);
    expect(footprint()).toEqual(before);
    expect(await panel.run<boolean>(`return !root.querySelector('.rc-panel').hidden;`)).toBe(true);
    await page.close();
  });

  it('cannot frame the settings: the options page is not web-accessible, and the settings link page does nothing in a frame', async () => {
    const { page } = await openPage();
    const pagesBefore = stack.browser.context.pages().length;
    await page.evaluate((extensionId) => {
      for (const file of ['options.html', 'open-settings.html']) {
        const frame = document.createElement('iframe');
        frame.src = `chrome-extension://${extensionId}/${file}`;
        document.body.append(frame);
      }
    }, stack.browser.extensionId);
    await page.waitForTimeout(2000);
    const optionsFrame = page.frames().find((f) => f.url().endsWith('/options.html'));
    const framedHeading = optionsFrame ? await optionsFrame.locator('h1').count() : 0;
    expect(framedHeading).toBe(0);
    expect(stack.browser.context.pages().length).toBe(pagesBefore);
    await page.close();
  });

  it('hears nothing from inside the panel, and its styles neither reach in nor get changed', async () => {
    const { page, panel } = await openPage();
    const pageLook = () =>
      page.evaluate(() => {
        const body = getComputedStyle(document.body);
        return `${body.backgroundColor} ${body.fontSize} ${body.margin}`;
      });
    const lookBefore = await pageLook();
    await page.evaluate(() => {
      (window as unknown as { pageSaw: string[] }).pageSaw = [];
    });
    await panel.click('.rc-launcher');
    await panel.waitFor(`return root.querySelector('li.report');`);
    await panel.click('.rc-panel summary');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (window as unknown as { pageSaw: string[] }).pageSaw)).toEqual([]);
    expect(await panel.run<boolean>(`return root.querySelector('.rc-panel').hidden;`)).toBe(true);

    const look = await panel.run<{ font: string; background: string }>(`
      const button = root.querySelector('.rc-panel button.primary, .rc-panel button');
      const style = getComputedStyle(button);
      return { font: style.fontFamily, background: style.backgroundColor };`);
    expect(look!.font).not.toMatch(/Courier/);
    expect(look!.background).not.toBe('rgb(204, 0, 0)');
    expect(await pageLook()).toBe(lookBefore);
    await page.close();
  });

  it('a page that defines the host’s name first, with attachInternals(), gets no shadow root', async () => {
    const { page, panel } = await openPage(() => {
      const seen: Array<ElementInternals> = [];
      (window as unknown as { internalsSeen: ElementInternals[] }).internalsSeen = seen;
      // What a hostile page would do: claim the name the extension's host used to have, before the extension runs.
      for (const name of ['report-courier-panel', 'wxt-shadow-root', 'report-courier']) {
        customElements.define(
          name,
          class extends HTMLElement {
            constructor() {
              super();
              seen.push(this.attachInternals());
            }
          },
        );
      }
    });
    await panel.click('.rc-launcher');
    await panel.waitFor(`return root.querySelector('li.report');`);
    const stolen = await page.evaluate(() => {
      const seen = (window as unknown as { internalsSeen: ElementInternals[] }).internalsSeen;
      return seen.map((internals) => internals.shadowRoot?.innerHTML.length ?? 0);
    });
    expect(stolen.filter((length) => length > 0)).toEqual([]);
    // A built-in element: no page script can define, upgrade or attach internals to it.
    expect(await panel.hostName()).toBe('div');
    await page.close();
  });

  it('offers nothing to type into, so capture-phase listeners on window learn nothing typed in the panel', async () => {
    const { page, panel } = await openPage(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      // Capture on window runs before any shadow root can stop an event: the strongest listener a page has.
      for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input']) {
        window.addEventListener(
          type,
          (e) => {
            const typed = (e as KeyboardEvent).key ?? (e as InputEvent).data;
            if (typeof typed === 'string' && typed.length === 1) heard.push(typed);
          },
          { capture: true },
        );
      }
    });
    await panel.click('.rc-launcher');
    await panel.waitFor(`return root.querySelector('li.report');`);
    // A key pressed in a shadow root always reaches the page's window first; only a panel with no text field keeps
    // what a merchant types out of sight. Every field that takes typed text is listed, and typed into.
    const textFields = await panel.run<string[]>(`
      const choices = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'hidden', 'range', 'color', 'file', 'image']);
      return [...root.querySelectorAll('input, textarea, [contenteditable]')]
        .filter((el) => el.localName !== 'input' || !choices.has(el.type))
        .map((el, i) => { el.dataset.textField = String(i); return el.localName + (el.type ? '[' + el.type + ']' : ''); });`);
    for (let i = 0; i < textFields!.length; i++) {
      await panel.run(`root.querySelector('.rc-panel details')?.setAttribute('open', '');`);
      await panel.click(`[data-text-field="${i}"]`);
      await page.keyboard.type('A123');
    }
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
    expect(textFields).toEqual([]);
    await page.close();
  });

  it('from the content script’s own world, storage.local holds nothing privileged, and what it writes there is ignored', async () => {
    const { page, panel } = await openPage();
    await panel.click('.rc-launcher');
    await panel.waitFor(`return root.querySelector('li.report');`);
    const cdp = await page.context().newCDPSession(page);
    const contexts: Array<{ id: number; name: string; origin: string; auxData?: { type?: string; frameId?: string } }> =
      [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    // The content script's isolated world: its own globals, the extension's storage API, the page's DOM.
    const world =
      contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(stack.browser.extensionId)) ??
      contexts.find((c) => c.auxData?.type === 'isolated');
    expect(world, JSON.stringify(contexts)).toBeDefined();
    const inWorld = async <T>(expression: string): Promise<T> => {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression,
        contextId: world!.id,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value as T;
    };

    const stored = await inWorld<string>(`chrome.storage.local.get(null).then((items) => JSON.stringify(items))`);
    const privileged = ['accounts', 'selectedAccountId', 'accountDraft', 'autoArchive', 'clockSkew', 'onDemand'];
    expect(Object.keys(JSON.parse(stored)).filter((key) => privileged.includes(key))).toEqual([]);
    expect(stored).not.toContain(merchant.publicKeyId);
    expect(stored).not.toContain('Demo Shop');

    const planted = {
      id: 'planted',
      label: 'Planted Shop',
      region: 'na',
      environment: 'live',
      publicKeyId: 'PLANTED',
      algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
      createdAt: '',
    };
    await inWorld(`chrome.storage.local.set(${JSON.stringify({ accounts: [planted], selectedAccountId: 'planted' })})`);
    const options = await stack.browser.openPage('options.html');
    await options.getByText('Demo Shop').first().waitFor();
    expect(await options.getByText('Planted Shop').count()).toBe(0);
    await options.close();
    await page.close();
  });

  // Last: reloading the extension orphans this page's content script exactly as an update does (and it does not come back here).
  it('goes quiet after an extension update: the old panel disappears without errors, even when clicked', async () => {
    const { page, panel } = await openPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await panel.click('.rc-launcher');
    await panel.waitFor(`return root.querySelector('.updated')?.textContent.includes('Updated');`);
    const before = footprint();

    await stack.browser.worker
      .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
      .catch(() => undefined);
    await page.mouse.click(1100, 400);
    await expect.poll(() => panel.hostPresent(), { timeout: 10_000 }).toBe(false);
    await page.mouse.click(1238, 758);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1500);
    expect(errors).toEqual([]);
    expect(footprint().files).toBe(before.files);
    await page.close();
  });
});

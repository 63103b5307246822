/** One port for everything: admin routes on any host, documents by Host header, caller-owned hosts. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { send } from './helpers/http-client';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({
    hostHandlers: {
      'sellercentral.amazon.com': (req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => {
          body += c.toString();
        });
        req.on('end', () =>
          res.writeHead(200, { 'content-type': 'text/plain' }).end(`seller central ${req.method} ${req.url} ${body}`),
        );
      },
    },
  });
});
afterAll(() => emu.close());

it('answers admin routes on any host, including the document host', async () => {
  for (const host of ['localhost', 'pay-api.amazon.jp', emu.documentHost]) {
    const res = await send(emu, { target: '/__emulator/health', host });
    expect(res.json()).toMatchObject({ ready: true, url: emu.url, documentHost: emu.documentHost });
  }
  expect((await send(emu, { target: '/__emulator/ca.pem', host: 'localhost' })).text).toBe(emu.caCert);
});

it("hands caller-owned hosts, bodies included, to the caller's handler", async () => {
  const res = await send(emu, {
    method: 'POST',
    target: '/gp/pyop/transactions/index.html',
    host: 'sellercentral.amazon.com',
    body: 'x=1',
  });
  expect(res.text).toBe('seller central POST /gp/pyop/transactions/index.html x=1');
});

it('serves the document host without Amazon Pay semantics', async () => {
  const res = await send(emu, { target: '/v2/reports', host: emu.documentHost });
  expect([res.status, /<Code>(\w+)<\/Code>/.exec(res.text)?.[1]]).toEqual([404, 'NoSuchKey']);
});

it('is a TLS server for the real host names (certificate checked against the CA)', async () => {
  const res = await send(emu, { target: '/__emulator/health', host: 'pay-api.amazon.eu' });
  expect(res.status).toBe(200);
  await expect(
    send({ port: emu.port, caCert: '' }, { target: '/__emulator/health', host: 'pay-api.amazon.eu' }),
  ).rejects.toThrow();
});

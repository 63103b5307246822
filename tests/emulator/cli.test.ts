/** `npm run emulator` entry: prints one ready line, then serves until signalled. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { send } from './helpers/http-client';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

it('starts on a free port, prints the ready line and applies its flags', async () => {
  const child = spawn(
    path.join(root, 'node_modules/.bin/tsx'),
    ['tests/emulator/cli.ts', '--port', '0', '--latency-ms', '7', '--rate-limit', '50:10'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    });
    const ready = JSON.parse(line) as { ready: boolean; url: string; documentHost: string; caCertPath: string };
    expect(Object.keys(ready).slice(0, 3)).toEqual(['ready', 'url', 'documentHost']);
    expect(ready).toMatchObject({ ready: true, documentHost: 'tortuga-prod-na.s3-external-1.amazonaws.com' });
    expect(ready.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const emu = { port: Number(new URL(ready.url).port), caCert: readFileSync(ready.caCertPath, 'utf8') };
    const faults = (await send(emu, { target: '/__emulator/faults', host: 'localhost' })).json();
    expect(faults).toMatchObject({ latencyMs: { '*': 7 }, rateLimit: { requestsPerSecond: 50, burst: 10 } });
    const api = await send(emu, { target: '/v2/reports', host: 'pay-api.amazon.eu' });
    expect(api.json().reasonCode).toBe('MissingHeader');
  } finally {
    child.kill('SIGTERM');
  }
  const code = await new Promise((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('exit', r)));
  expect(code).toBe(0);
}, 20_000);

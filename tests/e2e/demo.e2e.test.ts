import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './harness';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SHOTS = ['options.png', 'popup.png', 'seller-central-panel.png'];

function runDemo(timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', 'demo', '--', '--headless'], {
      cwd: repoRoot,
      env: { ...process.env, DISPLAY: '' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGINT'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('npm run demo -- --headless', () => {
  it('builds, sets up the demo account and writes the three screenshots, then exits 0', async () => {
    const started = Date.now();
    const { code, output } = await runDemo(90_000);
    expect(code, output).toBe(0);
    for (const name of SHOTS) {
      const file = path.join(repoRoot, 'demo-output', name);
      expect(output).toContain(path.join('demo-output', name));
      const stat = fs.statSync(file);
      expect(stat.mtimeMs, `${name} was written by this run`).toBeGreaterThanOrEqual(started - 1000);
      expect(stat.size, name).toBeGreaterThan(10_000);
      expect(fs.readFileSync(file).subarray(0, 8).equals(PNG_SIGNATURE), `${name} is a PNG`).toBe(true);
    }
    expect(output).toContain('Closed the browser and the emulator.');
  }, 120_000);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extensionDir } from '../harness';

/**
 * A browser profile whose copy of the built extension already holds these optional host permissions, as if the
 * merchant had allowed them. Headless Chromium shows permissions.request()'s prompt to nobody, so a test cannot
 * click "Allow"; granting at install is the closest state the browser can be put in. Pass it as `userDataDir`.
 */
export function profileGranting(origins: string[]): string {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-profile-granted-'));
  const copy = path.join(userDataDir, 'extension');
  fs.cpSync(extensionDir, copy, { recursive: true });
  const manifestFile = path.join(copy, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions = [...manifest.host_permissions, ...origins.map((origin) => `${origin}/*`)];
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  return userDataDir;
}

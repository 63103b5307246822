/**
 * A throwaway CA and a server certificate for every host the emulator stands in for, made with the machine's
 * openssl and cached in the temp directory (keyed by the host list) so repeated starts are fast.
 */
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TlsMaterial {
  key: string;
  cert: string;
  caCert: string;
  caCertPath: string;
  /** base64 SHA-256 of the server certificate's SubjectPublicKeyInfo (Chromium's --ignore-certificate-errors-spki-list). */
  spkiSha256: string;
}

const CERT_DAYS = 365;
const RENEW_BEFORE_MS = 7 * 86_400_000;

function generate(dir: string, hosts: readonly string[]): void {
  const run = (args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    String(CERT_DAYS * 2),
    '-subj',
    '/CN=Report Courier emulator TEST CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  run(['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', `/CN=${hosts[0]}`]);
  const san = [...hosts.map((h) => `DNS:${h}`), 'IP:127.0.0.1', 'IP:::1'].join(',');
  fs.writeFileSync(
    path.join(dir, 'ext.cnf'),
    [
      `subjectAltName=${san}`,
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth',
      '',
    ].join('\n'),
  );
  run([
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-set_serial',
    `0x${Date.now().toString(16)}`,
    '-days',
    String(CERT_DAYS),
    '-extfile',
    'ext.cnf',
    '-out',
    'server.pem',
  ]);
}

function load(dir: string): TlsMaterial {
  const cert = fs.readFileSync(path.join(dir, 'server.pem'), 'utf8');
  const spki = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
  return {
    key: fs.readFileSync(path.join(dir, 'server.key'), 'utf8'),
    cert,
    caCert: fs.readFileSync(path.join(dir, 'ca.pem'), 'utf8'),
    caCertPath: path.join(dir, 'ca.pem'),
    spkiSha256: createHash('sha256').update(spki).digest('base64'),
  };
}

function usable(dir: string): boolean {
  try {
    const cert = new X509Certificate(fs.readFileSync(path.join(dir, 'server.pem')));
    return Date.parse(cert.validTo) - Date.now() > RENEW_BEFORE_MS && fs.existsSync(path.join(dir, 'server.key'));
  } catch {
    return false;
  }
}

export function tlsMaterial(hosts: readonly string[], cacheRoot = os.tmpdir()): TlsMaterial {
  const id = createHash('sha256')
    .update(`v1\n${hosts.join('\n')}`)
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(cacheRoot, `report-courier-emulator-tls-${id}`);
  if (usable(dir)) return load(dir);
  const work = fs.mkdtempSync(path.join(cacheRoot, 'report-courier-emulator-tls-tmp-'));
  generate(work, hosts);
  if (fs.existsSync(dir) && !usable(dir)) fs.rmSync(dir, { recursive: true, force: true });
  try {
    fs.renameSync(work, dir);
  } catch {
    // Another process finished first; its certificate is just as good.
    fs.rmSync(work, { recursive: true, force: true });
  }
  return load(dir);
}

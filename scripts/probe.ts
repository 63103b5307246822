/**
 * `npm run probe -- --key <pem> --public-key-id <id> --region <na|eu|jp> [--out probe-facts.json]`: asks Amazon Pay
 * a few harmless read-only questions with this key and prints what it answers; the JSON it writes holds no secret
 * and no merchant value, so it can be shared. `--base-url` and `--ca` point it at a test server instead of Amazon.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importPrivateKeyPem } from '../utils/keys/pem';
import { factsTable, runProbe } from './probe/probe';
import { redirectingFetch } from './probe/redirect-fetch';

const { values } = parseArgs({
  options: {
    key: { type: 'string' },
    'public-key-id': { type: 'string' },
    region: { type: 'string' },
    out: { type: 'string', default: 'probe-facts.json' },
    'base-url': { type: 'string' },
    ca: { type: 'string' },
  },
});
const region = values.region;
if (!values.key || !values['public-key-id'] || (region !== 'na' && region !== 'eu' && region !== 'jp')) {
  console.error(
    'usage: npm run probe -- --key <private key PEM file> --public-key-id <id> --region <na|eu|jp> [--out probe-facts.json]',
  );
  process.exit(2);
}
const key = await importPrivateKeyPem(readFileSync(values.key, 'utf8'));
const pair = await crypto.subtle.generateKey(
  { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
  false,
  ['sign'],
);
const fetchFn =
  values['base-url'] && values.ca
    ? redirectingFetch(new URL(values['base-url']), readFileSync(values.ca, 'utf8'))
    : globalThis.fetch;
const facts = await runProbe({
  key,
  otherKey: pair.privateKey,
  publicKeyId: values['public-key-id'],
  region,
  fetch: fetchFn,
});
console.log(factsTable(facts));
writeFileSync(values.out!, `${JSON.stringify(facts, null, 2)}\n`);
console.log(`\nwritten: ${values.out}`);

/** A bare clone passes with nothing beside it: no test, bench, script or config reads a file outside the repository. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { outsideReferences, scanRepository, type OutsideReference } from './outside-paths';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DIRS = ['tests', 'bench', 'scripts', '.ci'];
/** Every configuration file at the root: package.json, tsconfig.json, *.config.*, dotfiles such as .prettierrc.json (not a worktree's .git file). */
const CONFIGS = readdirSync(root, { withFileTypes: true })
  .filter(
    (entry) =>
      entry.isFile() &&
      entry.name !== '.git' &&
      /^(?:package\.json|tsconfig.*\.json|.*\.config\.[cm]?[jt]s|\.[\w.-]+)$/.test(entry.name),
  )
  .map((entry) => entry.name);
/** This check and its own examples name the very patterns it looks for. */
const SELF = ['tests/unit/repository/outside-paths.ts', 'tests/unit/repository/self-contained.test.ts'];

/** Paths that are data, not files read: each must still occur, so the list cannot go stale. */
const PAYLOADS: Array<{ file: string; includes: string; why: string }> = [
  {
    file: 'tests/emulator/hostile.ts',
    includes: "'../../../../../../tmp/escaped-by-id'",
    why: 'a hostile report id the download path must neutralise',
  },
  {
    file: 'tests/emulator/hostile.ts',
    includes: "'../../../../../../tmp/escaped-by-type'",
    why: 'a hostile report type the download path must neutralise',
  },
  {
    file: 'tests/e2e/drills/hostile.e2e.test.ts',
    includes: "fs.existsSync('/tmp/escaped-by-id.csv')",
    why: 'proves the hostile ids wrote nothing outside the download folder',
  },
];

const isPayload = (found: OutsideReference) =>
  PAYLOADS.some((payload) => payload.file === found.file && found.text.includes(payload.includes));

describe('outsideReferences', () => {
  const at = (file: string, text: string) => outsideReferences(file, text, root).map((found) => found.why);

  it.each([
    [
      'a folder beside the checkout',
      'tests/emulator/helpers/vectors.ts',
      "path.resolve(repoRoot, '../shared/vectors')",
    ],
    ['an environment override for it', 'tests/emulator/helpers/vectors.ts', 'process.env.SHARED_VECTORS_DIR ?? dir'],
    [
      'a URL climbing out of the repository',
      'tests/unit/keys/fixtures.ts',
      "new URL('../../../../shared/vectors/keys/', import.meta.url)",
    ],
    [
      'a relative path one level too far',
      'bench/lib/test-keys.ts',
      "readFileSync(new URL('../../../keys/a.pem', import.meta.url))",
    ],
    ['a workspace path', 'scripts/demo.ts', "const dir = '/work/somewhere/vectors';"],
    ['an absolute read', 'bench/run.ts', "readFileSync('/etc/amazon/key.pem', 'utf8')"],
    ['the root and then up', 'scripts/x.ts', "path.join(root, '..', 'keys')"],
    [
      'a search by folder name',
      'bench/lib/test-keys.ts',
      "const candidate = path.join(dir, 'shared', 'vectors', 'keys');",
    ],
  ])('finds %s', (_name, file, text) => {
    expect(at(file, text)).not.toEqual([]);
  });

  it('finds a loop that climbs parent folders', () => {
    const climb = [
      'for (;;) {',
      "  if (existsSync(path.join(dir, 'fixtures'))) return dir;",
      '  const parent = path.dirname(dir);',
      "  if (parent === dir) throw new Error('not found');",
      '  dir = parent;',
      '}',
    ].join('\n');
    expect(at('bench/lib/keys.ts', climb)).toEqual(['walks up parent folders to find something']);
    expect(at('bench/lib/keys.ts', 'while (!found) folder = path.dirname(folder);')).toEqual([
      'walks up parent folders to find something',
    ]);
  });

  it('lets paths inside the repository pass', () => {
    expect(
      at(
        'bench/lib/test-keys.ts',
        "new URL('../../tests/fixtures/vectors/keys/test_private_pkcs8.pem', import.meta.url)",
      ),
    ).toEqual([]);
    expect(at('tests/unit/amazon-pay/signing.test.ts', "path.resolve(__dirname, '../../../utils/amazon-pay')")).toEqual(
      [],
    );
    expect(at('tests/emulator/helpers/vectors.ts', "const repoRoot = path.resolve(here, '../../..');")).toEqual([]);
    expect(at('tests/unit/downloads/history.test.ts', "finalPath: '/home/merchant/Downloads/AmazonPay/a.csv'")).toEqual(
      [],
    );
  });
});

describe('the repository', () => {
  const found = scanRepository(root, DIRS, CONFIGS).filter((entry) => !SELF.includes(entry.file));

  it('checks the configs', () => {
    expect(CONFIGS).toEqual(
      expect.arrayContaining(['package.json', 'tsconfig.json', 'vitest.config.ts', 'wxt.config.ts']),
    );
  });

  it('reads nothing outside itself from tests/, bench/, scripts/, .ci/ or the configs', () => {
    expect(
      found.filter((entry) => !isPayload(entry)).map(({ file, line, text, why }) => `${file}:${line} ${why}: ${text}`),
    ).toEqual([]);
  });

  it.each(PAYLOADS)('still holds the payload $includes ($why)', (payload) => {
    expect(
      found.filter(isPayload).some((entry) => entry.file === payload.file && entry.text.includes(payload.includes)),
    ).toBe(true);
  });
});

#!/usr/bin/env bash
# Every test, on a fresh Debian machine: installs the browsers and tools the tests need, builds, typechecks, tests.
# With CI=true a skipped test fails the run: in CI every test runs.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb xauth)
[ -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || need+=(fonts-liberation)
# The six-language screenshots: Japanese glyphs, and Chromium's own locales (without them --lang falls back to English).
[ -e /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf ] || need+=(fonts-ipafont-gothic)
[ -e /usr/lib/chromium/locales/de.pak ] || need+=(chromium-l10n)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
# The OpenSSH key-import tests convert keys with ssh-keygen.
command -v ssh-keygen >/dev/null 2>&1 || need+=(openssh-client)
command -v firefox-esr >/dev/null 2>&1 || need+=(firefox-esr)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${need[*]} (needed by the tests)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "The tests need: ${need[*]}. Install them with: sudo apt-get install ${need[*]}" >&2
    exit 1
  fi
fi

[ -d node_modules ] || npm ci
npm run -s typecheck
# ESLint (with the React-hooks rules) and Prettier's layout: a finding fails the run like a failed test.
npm run -s lint
npx wxt build >/dev/null
npx wxt build -b firefox --mv3 >/dev/null
# Lint the Firefox build as addons.mozilla.org does: errors fail the run, warnings are listed.
lint=$(mktemp)
lint_status=0
npx web-ext lint --source-dir .output/firefox-mv3 --no-config-discovery --output=json >"$lint" || lint_status=$?
node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(`web-ext lint: ${r.summary.errors} errors, ${r.summary.warnings} warnings`); for (const m of [...r.errors, ...r.warnings]) console.log(`  ${m._type} ${m.code} ${m.file ?? ""}`)' "$lint"
rm -f "$lint"
[ "$lint_status" = 0 ] || exit "$lint_status"
results=$(mktemp)
errors=$(mktemp)
status=0
VITEST_ERRORS_FILE="$errors" npx vitest run --reporter=default --reporter=json \
  --reporter=./scripts/errors-reporter.ts --outputFile="$results" "$@" || status=$?
# One plain closing line that any CI reads: "N passed, N failed, N skipped" (", N errors" when anything failed outside a
# test); with CI=true a skipped test fails the run.
node scripts/test-summary.mjs "$results" "$errors" || status=1
rm -f "$results" "$errors"
exit $status

#!/usr/bin/env bash
# The whole test suite from a fresh clone: installs what the tests need (Debian's
# chromium, npm packages), builds the app, then runs lint, typecheck, unit,
# acceptance and integration tests (vitest), the browser tests (Playwright in real
# Chromium) and a quick benchmark smoke run. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
ART=tests/.artifacts
mkdir -p "$ART"

# Debian packages the suites use: chromium (Playwright), hugo and jekyll (the static-site export is built for real),
# postgresql and redis-server (scale-out: the suites run against real servers that scripts/test-services.ts starts),
# haproxy (the shipped deploy/haproxy.cfg is run for real).
need=()
[ -x /usr/bin/chromium ] || ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium* >/dev/null 2>&1 || need+=(chromium fonts-dejavu-core)
command -v hugo >/dev/null || need+=(hugo)
command -v jekyll >/dev/null || need+=(jekyll)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
command -v haproxy >/dev/null || need+=(haproxy)
# A real WordPress for the publishing tests (scripts/test-services.ts starts it with MariaDB and PHP).
[ -f /usr/share/wordpress/wp-settings.php ] || need+=(wordpress)
[ -x /usr/sbin/mariadbd ] || need+=(mariadb-server)
command -v php >/dev/null || need+=(php-cli)
{ command -v php >/dev/null && php -m 2>/dev/null | grep -qi '^mysqli$'; } || need+=(php-mysql)
# Ghost's sqlite3 driver is built from source (scripts/install-ghost.sh).
{ command -v make >/dev/null && command -v g++ >/dev/null; } || need+=(build-essential)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${need[*]}"
  SUDO=""; [ "$(id -u)" != 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null || { echo "could not install ${need[*]}"; exit 1; }
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund || exit 1
fi

# A real Ghost 5 for the Ghost publishing tests, installed once into a cache. The first install (mostly
# npm downloads and building sqlite3) runs in the background while the app builds and is linted; the
# vitest step waits for it. If it cannot be installed in 25 minutes, those tests skip and say why.
echo "== Ghost 5 for the publishing tests (installing in the background)"
timeout 1500 scripts/install-ghost.sh > "$ART/install-ghost.log" 2>&1 &
ghost_install=$!
wait_for_ghost() {
  if wait "$ghost_install"; then tail -1 "$ART/install-ghost.log"
  else echo "Ghost not installed (see $ART/install-ghost.log): the Ghost publishing tests will skip"; fi
}

fail_steps=0
last_rc=0
step() { # name, command...: a failed step that is not a test runner counts as one failure in the total
  local name=$1; shift
  echo "== $name"
  "$@"; last_rc=$?
  if [ $last_rc = 0 ]; then echo "-- $name: ok"; else echo "-- $name: FAILED"; fi
}
counted() { [ $last_rc = 0 ] || fail_steps=$((fail_steps + 1)); }

rm -f "$ART/vitest.json" "$ART/playwright.json"
step build npm run build --silent; counted
step lint npx eslint .; counted
step format npx prettier --check . --log-level warn; counted
step typecheck npx tsc --noEmit; counted
# The runners' own failures are counted test by test from their reports; a runner that fails with
# every test passing (a crash, an unhandled error) is counted by the summary as one failure.
# Throwaway PostgreSQL and Redis for the suites (their URLs reach the tests as TALKNOTES_TEST_*_URL).
services() { npx tsx scripts/test-services.ts "$@"; }
echo "== waiting for the Ghost install"
wait_for_ghost
step vitest services npx vitest run --reporter=default --reporter=json --outputFile.json="$ART/vitest.json"; vitest_rc=$last_rc
step playwright env TALKNOTES_TEST_BLOGS=0 npx tsx scripts/test-services.ts env TALKNOTES_E2E_RETRIES=1 PLAYWRIGHT_JSON_OUTPUT_NAME="$ART/playwright.json" npx playwright test --reporter=list,json; playwright_rc=$last_rc
if [ -f bench/run.ts ]; then step "bench --quick" npx tsx bench/run.ts --quick; counted; fi

node scripts/summarize-tests.mjs "$ART/vitest.json" "$ART/playwright.json" "$fail_steps" "$vitest_rc" "$playwright_rc"

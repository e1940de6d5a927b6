#!/usr/bin/env bash
# Runs every test: type check, lint (biome), then every *.test.ts on embedded PGlite, then the database and HTTP
# suites again on PostgreSQL 15. Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error

# Real parts the tests run against: Dovecot (IMAP), poppler (reading the PDF letters back) and
# Debian's Chromium (the browser journeys).
need=()
command -v chromium >/dev/null || need+=(chromium)
[ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd)
command -v pdftotext >/dev/null || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${need[*]} from Debian's packages"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null) || echo "could not install ${need[*]}"
  else
    echo "Missing ${need[*]}: install them (apt-get install ${need[*]}) for the IMAP and letter tests"
  fi
fi

# PostgreSQL: use the one at TEST_PG_URL (default 127.0.0.1:5432); when none answers, start a
# throwaway cluster in a temp directory for this run.
source scripts/ensure-postgres.sh

passed=0; failed=0
log=$(mktemp)
run_suite() { # name, env..., -- files...
  local name=$1; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done; shift
  echo "== $name ($# files; ${SECONDS} s into the run)"
  # --test-force-exit: a file whose after-hook failed before closing a server of its own ends anyway
  # (its failure is counted), instead of holding the run until CI's limit. The counts are read from the
  # spec reporter's summary (ℹ pass N): with force-exit a second (TAP) reporter's file loses its summary,
  # and a missing count is counted as a failure.
  env "${envs[@]}" node --import tsx --test --test-force-exit --test-concurrency=2 --test-reporter=spec \
    --test-reporter-destination=stdout "$@" | grep -vE '^\s*$' | tee "$log.spec"
  local p f c
  p=$(grep -E '^ℹ pass [0-9]+' "$log.spec" | tail -1 | awk '{print $3}')
  f=$(grep -E '^ℹ fail [0-9]+' "$log.spec" | tail -1 | awk '{print $3}')
  c=$(grep -E '^ℹ cancelled [0-9]+' "$log.spec" | tail -1 | awk '{print $3}')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-1} + ${c:-0}))
}

echo "== type check"
# The server, the staff app (web/tsconfig.json) and the browser journeys (e2e/tsconfig.json).
if npx --no-install tsc --noEmit -p . && npx --no-install tsc --noEmit -p web && npx --no-install tsc --noEmit -p e2e; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

echo "== build (npm run build:server: the compiled server in dist/, which productionStart.pglite.test.ts starts)"
if npm run --silent build:server; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== lint (biome)"
if npx --no-install biome check .; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== lint:api (the OpenAPI document against the NL API Design Rules, config/adr/)"
if npm run --silent lint:api; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

# A file about one backend only says so in its name (*.pglite.test.ts, *.postgres.test.ts) and runs
# once, in that backend's suite; pure domain code (server/domain/) has no database to vary.
mapfile -t all < <(find server scripts -name '*.test.ts' -not -path '*/node_modules/*' | sort)
mapfile -t lite < <(printf '%s\n' "${all[@]}" | grep -v '\.postgres\.test\.ts$')
# The PostgreSQL suite is for what a database backs: files that import the test database (server/test/
# harness.ts or database.ts) or a support module that does (letters/testSupport.ts …), or read TEST_DATABASE.
# Parsing, rendering and guard tests never touch it, and would only run the same thing twice.
mapfile -t dbSupport < <(grep -rlE "test/(harness|database)\.ts'" server scripts --include='*.ts' | grep -v '\.test\.ts$' | xargs -rn1 basename)
dbUse="test/(harness|database)\.ts'|TEST_DATABASE|TEST_BACKEND"
for m in "${dbSupport[@]}"; do dbUse+="|/${m//./\\.}'"; done
mapfile -t db < <(printf '%s\n' "${all[@]}" | grep -v '^server/domain/' | grep -v '\.pglite\.test\.ts$' | xargs grep -lE "$dbUse")

run_suite "all tests on PGlite" TEST_DATABASE=pglite -- "${lite[@]}"
run_suite "database and HTTP tests on PostgreSQL 15" TEST_DATABASE=postgres TEST_PG_URL="$TEST_PG_URL" -- "${db[@]}"

# The browser journeys (Playwright, Debian's Chromium): the staff app, then the citizen portal.
# Each run ends with "N passed, N failed" (summaryReporter).
run_e2e() { # name, command...
  echo "== $1 (${SECONDS} s into the run)"
  local out p f
  # tee to a file, not /dev/stderr: reopening a redirected stderr would truncate the caller's log.
  "${@:2}" 2>&1 | tee "$log.e2e"
  out=$(tail -1 "$log.e2e")
  p=$(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1/p' <<<"$out")
  f=$(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\2/p' <<<"$out")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-1}))
}
# The portal's journeys run beside the staff app's, each against a server of its own (the portal's
# are light, and most of a journey's time is waiting for a page). The example organisations' run after:
# beside the staff app's, their four servers and two workers slowed its journeys past their time limit.
npm run --silent test:e2e:portal >"$log.portal" 2>&1 &
run_e2e "browser journeys: staff app" npm run --silent test:e2e
wait $!
run_e2e "browser journeys: citizen portal" cat "$log.portal"
run_e2e "browser journeys: each example organisation" npx --no-install playwright test -c playwright.organisations.config.ts
# Lighthouse, once per page (scripts/bench/lighthouse.ts --guard, ~1–2 min): only what does not depend on the
# machine's speed: accessibility and best practices 100, CLS < 0.05, text compressed, ≤ 2 stylesheets a portal page.
run_e2e "Lighthouse guard" node --import tsx scripts/bench/lighthouse.ts --guard

# Those runs pin the servers' clock to an ordinary day (e2e/support/pinnedClock.ts). The journeys
# whose dates matter (tagged @dates) run again on days that move terms: a Saturday, the working day
# before Christmas, and across New Year. Per day the staff app's and the portal's run side by side,
# each with its own server pinned to that day.
dated() { env KLACHTFLOW_PINNED_CLOCK="$1" npx --no-install playwright test --grep @dates "${@:2}"; }
for at in 2026-12-05T09:00:00+01:00 2026-12-24T09:00:00+01:00 2026-12-28T09:00:00+01:00; do
  dated "$at" >"$log.staff" 2>&1 &
  dated "$at" -c playwright.portal.config.ts >"$log.portal" 2>&1
  wait $!
  run_e2e "dated journeys on $at: staff app" cat "$log.staff"
  run_e2e "dated journeys on $at: citizen portal" cat "$log.portal"
done

rm -f "$log" "$log.spec" "$log.e2e" "$log.staff" "$log.portal"
echo "the run took ${SECONDS} s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

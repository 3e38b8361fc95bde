#!/usr/bin/env bash
# `npm test`: every check CI runs, then one summed line "N passed, N failed".
# Starts the local stack if it is not running (it is left running: `npm stop`).
source "$(dirname "$0")/lib.sh"
set +e

bash "$ROOT_DIR/bin/setup-system.sh" || die "installing Debian packages failed"
bash "$ROOT_DIR/bin/install-deps.sh" || die "installing npm or Composer packages failed"

RESULTS="$ROOT_DIR/artifacts/results"
rm -rf "$ROOT_DIR/artifacts"
mkdir -p "$RESULTS"
cd "$ROOT_DIR"

# run_suite <name> <result file or -> <command...>
# A suite that writes a result file is counted test by test; one that does
# not (a linter) counts as one check. What it prints is also kept as
# <name>.log, where bin/summarize.js reads the figures.
run_suite() {
	local name="$1" result_file="$2"
	shift 2
	log "── $name: $*"
	local started=$SECONDS
	"$@" 2>&1 | tee "$RESULTS/$name.log"
	local status=${PIPESTATUS[0]}
	printf '{"name":"%s","status":%d,"resultFile":"%s","seconds":%d}\n' \
		"$name" "$status" "$result_file" $((SECONDS - started)) >"$RESULTS/$name.json"
	return 0
}

run_suite eslint - npx wp-scripts lint-js src tests/e2e tests/js
run_suite tsc - npx tsc --noEmit
run_suite phpcs - vendor/bin/phpcs -q
run_suite phpstan - php vendor/bin/phpstan analyse --memory-limit=1G --no-progress
run_suite jest artifacts/jest.json npx wp-scripts test-unit-js --json --outputFile=artifacts/jest.json
run_suite build - npm run --silent build
run_suite bundle-budget - bash bin/check-bundle.sh
run_suite pot - bash bin/check-pot.sh

mkdir -p "$LOG_DIR"
# The main stack runs the stand-in (its end-to-end tests switch it between
# the ways CiviCRM can fail); a second stack runs the real CiviCRM
# (bin/on-real-stack.sh), which this script stops again at the end.
CIVIKEY_CIVICRM=standin bash "$ROOT_DIR/bin/start.sh" >"$LOG_DIR/start-for-tests.log" 2>&1 ||
	{ cat "$LOG_DIR/start-for-tests.log"; die "could not start the local stack"; }
stop_real_stack() { bash "$ROOT_DIR/bin/on-real-stack.sh" bash "$ROOT_DIR/bin/stop.sh" >/dev/null 2>&1 || true; }
trap stop_real_stack EXIT
run_suite phpunit-standin artifacts/phpunit-standin.xml env CIVIKEY_CIVICRM=standin bash bin/test-php.sh
run_suite phpunit-multisite artifacts/phpunit-multisite.xml env CIVIKEY_CIVICRM=standin CIVIKEY_MULTISITE=1 bash bin/test-php.sh
# The same PHPUnit suite against the real civicrm-core, built from the
# registries with the test bridge in place of civicrm-wordpress
# (bin/build-civicrm.sh, tests/civicrm-core-bridge).
run_suite civicrm-build - bash bin/build-civicrm.sh
run_suite phpunit-real artifacts/phpunit-real.xml env CIVIKEY_CIVICRM=real CIVIKEY_WP_DIR="$WP_DIR" bash bin/test-php.sh
run_suite real-stack - bash bin/on-real-stack.sh bash bin/start.sh
run_suite authx-real - bash bin/on-real-stack.sh bash bin/test-authx-real.sh
run_suite plugin-zip - bash bin/test-zip.sh
run_suite plugin-check - bash bin/plugin-check.sh
run_suite e2e artifacts/e2e.json npx playwright test --config tests/e2e/playwright.config.ts
# The same end-to-end tests against the real CiviCRM.
run_suite e2e-real artifacts/e2e-real.json bash bin/on-real-stack.sh \
	env CIVIKEY_E2E_RUN=e2e-real npx playwright test --config tests/e2e/playwright.config.ts

node "$ROOT_DIR/bin/summarize.js" "$RESULTS"

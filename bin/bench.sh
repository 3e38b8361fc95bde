#!/usr/bin/env bash
# `npm run bench`: CiviKey's admin page, bundle, contact search and inventory,
# measured side by side with WordPress's own screens and routes on the local
# stack, with 100,000 contacts of which 10,000 hold keys. Prints a table and
# writes bench/results.json. See bench/README-section.md for what each figure means.
#
# Starts the native stack if it is not running (the seed script needs the
# CiviCRM stand-in), seeds it unless it already holds exactly the seeded
# contacts and keys, and installs the bench's probe (a floor route and query
# counters, bench/mu-plugin/) for the length of the run only.
#
# The seeded contacts stay, so the next run is quick. They replace the
# stand-in's contacts, and npm test's inventory journey expects a small
# inventory: `npm run bench -- --reset` empties the stand-in's tables and
# deletes the users the bench made.
source "$(dirname "$0")/lib.sh"
cd "$ROOT_DIR"

# Runs the stand-in's seed script with --truncate (which empties its tables),
# then puts the contact ID counter back where it was: CiviCRM never reuses a
# contact ID, and CiviKey's audit trail, which the truncation does not touch,
# is kept by contact ID.
seed_afresh() {
	local next_id
	next_id="$(php "$ROOT_DIR/bench/fixtures.php" next-contact-id --wp="$WP_DIR")"
	php "$ROOT_DIR/bench/fixtures.php" forget-users --wp="$WP_DIR"
	php "$ROOT_DIR/tests/civicrm-standin/bin/seed.php" --wp="$WP_DIR" "$@" --truncate
	php "$ROOT_DIR/bench/fixtures.php" keep-contact-ids --wp="$WP_DIR" --from="$next_id"
}

if [[ "${1:-}" == "--reset" ]]; then
	pid_alive "$RUN_DIR/php-server.pid" || die "the stack at $SITE_URL is not running: start it with npm start"
	seed_afresh --contacts=0 >/dev/null
	log "Emptied the stand-in's contacts: the stack is ready for npm test again"
	exit 0
elif [[ -n "${1:-}" ]]; then
	die "unknown option $1 (the only one is --reset)"
fi

CONTACTS=100000
KEYS=10000
# Keyed contacts given a WordPress user: the inventory's first page at its
# largest measured size, so that page's user lookups are real work.
LINKED=100

if pid_alive "$RUN_DIR/php-server.pid" && curl -fsS -o /dev/null --max-time 10 "$SITE_URL/wp-login.php" &&
	[[ "$(cat "$STACK_DIR/civicrm" 2>/dev/null || echo standin)" == standin ]]; then
	log "Using the stack running at $SITE_URL"
	bash "$ROOT_DIR/bin/install-deps.sh"
else
	log "Starting the stack at $SITE_URL with the CiviCRM stand-in, which the bench seeds"
	CIVIKEY_CIVICRM=standin CIVIKEY_NATIVE=1 bash "$ROOT_DIR/bin/start.sh"
fi

if [[ ! -f build/index.js || -n "$(find src -newer build/index.js -print -quit)" ]]; then
	log "Building the admin screen (src/ is newer than build/)"
	npx wp-scripts build src/index.tsx --output-path=build >"$LOG_DIR/build.log" 2>&1 ||
		{ tail -n 30 "$LOG_DIR/build.log" >&2; die "npm run build failed"; }
fi

site_state() {
	php "$ROOT_DIR/bench/fixtures.php" state --wp="$WP_DIR" --count="$LINKED"
}

state="$(site_state)" || die "could not read the site's CiviCRM state (see above)"
if node -e '
	const { contacts } = JSON.parse( process.argv[ 1 ] );
	process.exit( contacts.seeded === +process.argv[ 2 ] && contacts.keyed === +process.argv[ 3 ] ? 0 : 1 );
' "$state" "$CONTACTS" "$KEYS"; then
	log "Already seeded: $CONTACTS contacts, $KEYS with keys"
else
	node -e 'process.exit( JSON.parse( process.argv[ 1 ] ).civicrm.standin ? 0 : 1 )' "$state" ||
		die "this site's CiviCRM is not the stand-in, which the seed script needs; seed $CONTACTS contacts, $KEYS with keys, yourself"
	log "Seeding $CONTACTS contacts, $KEYS with keys (replaces the stand-in's contacts)"
	seed_afresh --contacts="$CONTACTS" --keys="$KEYS"
fi
php "$ROOT_DIR/bench/fixtures.php" link-users --wp="$WP_DIR" --count="$LINKED"
mkdir -p "$RUN_DIR"
site_state >"$RUN_DIR/bench-state.json"

probe_dir="$WP_DIR/wp-content/mu-plugins"
probe="$probe_dir/civikey-bench.php"
remove_probe() {
	rm -f "$probe"
	rmdir "$probe_dir" 2>/dev/null || true
}
trap remove_probe EXIT
mkdir -p "$probe_dir"
cp "$ROOT_DIR/bench/mu-plugin/civikey-bench.php" "$probe"

# Every phase is bounded on its own; this is the backstop. --foreground keeps
# node in our process group, so Ctrl-C reaches it (and the probe is removed).
CIVIKEY_BENCH_STATE="$RUN_DIR/bench-state.json" CIVIKEY_PHP_WORKERS="$PHP_WORKERS" \
	timeout --foreground 20m node "$ROOT_DIR/bench/run.js"
log "Bench finished in $SECONDS s, seeding included"
log "The stack keeps the $CONTACTS seeded contacts for the next run; before npm test, run: npm run bench -- --reset"

#!/usr/bin/env bash
# `npm run screenshots`: refreshes the README's pictures in docs/screenshots/.
# Builds the admin screen, starts the local stack if it is not running, runs
# the journeys that take the pictures with CIVIKEY_SCREENSHOTS=1 (without it
# they write nothing), then shrinks the PNGs losslessly with optipng.
source "$(dirname "$0")/lib.sh"
cd "$ROOT_DIR"

SHOTS_DIR="$ROOT_DIR/docs/screenshots"
# The journeys that call shot() (tests/e2e/support/screenshot.ts).
SPECS=(
	tests/e2e/specs/civicrm-missing.spec.ts
	tests/e2e/specs/key-lifecycle.spec.ts
	tests/e2e/specs/will-it-work.spec.ts
	tests/e2e/specs/inventory-audit-overview.spec.ts
	tests/e2e/specs/small-screen-keyboard.spec.ts
	tests/e2e/specs/connect-integration.spec.ts
)
# A picture above this is worth a look: the README loads them all.
MAX_BYTES=$((200 * 1024))

bash "$ROOT_DIR/bin/setup-system.sh"
bash "$ROOT_DIR/bin/install-deps.sh"
mkdir -p "$LOG_DIR" "$SHOTS_DIR"
# The pictures show the screen as the sources build it now.
log "Building the admin screen"
npm run --silent build >"$LOG_DIR/build.log" 2>&1 || { tail -n 30 "$LOG_DIR/build.log" >&2; die "npm run build failed"; }
if pid_alive "$RUN_DIR/php-server.pid" && mysql_root -e 'SELECT 1' >/dev/null 2>&1; then
	log "The local stack is running at $SITE_URL"
else
	log "Starting the local stack"
	bash "$ROOT_DIR/bin/start.sh" >"$LOG_DIR/start-for-screenshots.log" 2>&1 ||
		{ cat "$LOG_DIR/start-for-screenshots.log" >&2; die "could not start the local stack"; }
fi

# The stack is offline, so WordPress's own Site Health checks (HTTP requests,
# updates) fail, and once Site Health has been visited its menu carries a
# red count into every picture. The pictures are about CiviKey: forget it.
php -r '
	$_SERVER["HTTP_HOST"] = "localhost"; $_SERVER["REQUEST_URI"] = "/";
	require $argv[1] . "/wp-load.php";
	delete_transient( "health-check-site-status-result" );
' "$WP_DIR" 2>/dev/null || true

started="$(mktemp)"
trap 'rm -f "$started"' EXIT
CIVIKEY_SCREENSHOTS=1 npx playwright test --config tests/e2e/playwright.config.ts "${SPECS[@]}" ||
	die "a journey failed, so some pictures may be missing or stale: fix it, or restore them with git checkout docs/screenshots"

# A picture no journey takes any more would stay in the README for ever.
while IFS= read -r -d '' stale; do
	log "Removing $(basename "$stale"): no journey takes it any more"
	rm -f "$stale"
done < <(find "$SHOTS_DIR" -maxdepth 1 -name '*.png' ! -newer "$started" -print0)

if command -v optipng >/dev/null; then
	log "Shrinking the PNGs with optipng (lossless)"
	optipng -quiet -o2 -strip all "$SHOTS_DIR"/*.png
else
	log "optipng is missing (bin/setup-system.sh installs it): the PNGs stay as Chromium wrote them"
fi
total=0
for picture in "$SHOTS_DIR"/*.png; do
	bytes=$(stat -c %s "$picture")
	total=$((total + bytes))
	printf '  %-32s %7d bytes\n' "$(basename "$picture")" "$bytes"
	((bytes <= MAX_BYTES)) || log "warning: $(basename "$picture") is over $MAX_BYTES bytes; crop it (scrollTo) or show less"
done
log "$(find "$SHOTS_DIR" -maxdepth 1 -name '*.png' | wc -l) pictures, $total bytes, in ${SHOTS_DIR#"$ROOT_DIR"/}. Review them (git diff --stat docs/screenshots) and commit."

#!/usr/bin/env bash
# `npm start`: a local WordPress with CiviCRM and this plugin.
#
# Where a Docker engine answers, this is `wp-env start` (see .wp-env.json: it
# brings the real CiviCRM release). Otherwise, as on our CI machines, it is a
# native stack: MariaDB and PHP's built-in server from Debian packages, with
# all state in .stack/. Set CIVIKEY_NATIVE=1 to skip the Docker check.
source "$(dirname "$0")/lib.sh"

if [[ -z "${CIVIKEY_NATIVE:-}" ]] && command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
	log "Docker is available: starting wp-env"
	exec npx wp-env start
fi

bash "$ROOT_DIR/bin/setup-system.sh"
bash "$ROOT_DIR/bin/install-deps.sh"
mkdir -p "$LOG_DIR"
if [[ ! -f "$ROOT_DIR/build/index.asset.php" ]]; then
	log "Building the admin screen (npm run build)"
	(cd "$ROOT_DIR" && npx wp-scripts build src/index.tsx --output-path=build >"$LOG_DIR/build.log" 2>&1) ||
		{ tail -n 30 "$LOG_DIR/build.log" >&2; die "npm run build failed"; }
fi
# The real CiviCRM whenever it can be built here; the stand-in otherwise.
# CIVIKEY_CIVICRM=real|standin|none chooses.
fallback_note=""
if [[ -z "${CIVIKEY_CIVICRM:-}" ]]; then
	if bash "$ROOT_DIR/bin/build-civicrm.sh" >"$LOG_DIR/build-civicrm.log" 2>&1; then
		export CIVIKEY_CIVICRM=real
	else
		export CIVIKEY_CIVICRM=standin
		fallback_note=" — the real CiviCRM could not be built here, see $LOG_DIR/build-civicrm.log"
		log "The real CiviCRM could not be built here (see $LOG_DIR/build-civicrm.log): starting with the CiviCRM stand-in"
	fi
fi
bash "$ROOT_DIR/bin/start-db.sh"
bash "$ROOT_DIR/bin/start-wordpress.sh"

case "$CIVIKEY_CIVICRM" in
	real) civicrm_note="real civicrm-core $(civicrm_core_version) (test bridge in place of civicrm-wordpress; see README)" ;;
	none) civicrm_note="none" ;;
	*) civicrm_note="the test stand-in$fallback_note (see README)" ;;
esac
cat <<MSG

  CiviKey is running.
    Site:     $SITE_URL/
    Admin:    $SITE_URL/wp-admin/tools.php?page=civikey
    Login:    $ADMIN_USER / $ADMIN_PASSWORD
    CiviCRM:  $civicrm_note
    Logs:     $LOG_DIR
  Stop it with: npm stop

MSG

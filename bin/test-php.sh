#!/usr/bin/env bash
# PHPUnit on the local stack's WordPress with its own test database.
# CIVIKEY_CIVICRM picks the CiviCRM the tests run with:
#   standin (default)  the test double in tests/civicrm-standin
#   none               no CiviCRM
#   real               a real CiviCRM already installed in the WordPress at
#                      CIVIKEY_WP_DIR (see tests/php/wp-tests-config.php); the
#                      stand-in's own tests (group standin-only) are left out.
# Extra arguments go to PHPUnit.

# lib.sh points CIVIKEY_WP_DIR at the stack's WordPress; real mode needs the caller's.
caller_wp_dir="${CIVIKEY_WP_DIR:-}"
source "$(dirname "$0")/lib.sh"

civicrm="${CIVIKEY_CIVICRM:-standin}"
phpunit_args=()
case "$civicrm" in
	standin | none) ;;
	real)
		[[ -n "$caller_wp_dir" ]] || die "CIVIKEY_CIVICRM=real needs CIVIKEY_WP_DIR set to a WordPress that has the real CiviCRM plugin installed."
		export CIVIKEY_WP_DIR="$caller_wp_dir"
		phpunit_args+=(--exclude-group standin-only)
		;;
	*) die "CIVIKEY_CIVICRM must be standin, none or real, not '$civicrm'." ;;
esac

[[ -x "$ROOT_DIR/vendor/bin/phpunit" ]] || die "PHPUnit is missing: run composer install"
bash "$ROOT_DIR/bin/start-db.sh" >/dev/null
if [[ "$civicrm" != real ]]; then
	[[ -f "$WP_DIR/wp-settings.php" ]] || bash "$ROOT_DIR/bin/start-wordpress.sh"
fi
mkdir -p "$ROOT_DIR/artifacts"
cd "$ROOT_DIR"
exec php vendor/bin/phpunit --log-junit "artifacts/phpunit-$civicrm.xml" "${phpunit_args[@]}" "$@"

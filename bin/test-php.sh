#!/usr/bin/env bash
# PHPUnit on the local stack's WordPress with its own test database.
# CIVIKEY_CIVICRM picks the CiviCRM the tests run with:
#   standin (default)  the test double in tests/civicrm-standin
#   none               no CiviCRM
#   real               a real CiviCRM already installed in the WordPress at
#                      CIVIKEY_WP_DIR (see tests/php/wp-tests-config.php); the
#                      stand-in's own tests (group standin-only) are left out.
# CIVIKEY_MULTISITE=1 runs the tests of the group multisite instead, on a
# WordPress network in its own database (civikey_test_ms), with the stand-in;
# without it, that group is left out.
# Extra arguments go to PHPUnit.

# lib.sh points CIVIKEY_WP_DIR at the stack's WordPress; real mode needs the caller's.
caller_wp_dir="${CIVIKEY_WP_DIR:-}"
source "$(dirname "$0")/lib.sh"

civicrm="${CIVIKEY_CIVICRM:-standin}"
phpunit_args=()
# PHPUnit keeps only the last --exclude-group, so the groups are gathered here.
excluded_groups=()
case "$civicrm" in
	standin | none) ;;
	real)
		[[ -n "$caller_wp_dir" ]] || die "CIVIKEY_CIVICRM=real needs CIVIKEY_WP_DIR set to a WordPress that has the real CiviCRM plugin installed."
		export CIVIKEY_WP_DIR="$caller_wp_dir"
		excluded_groups+=(standin-only)
		;;
	*) die "CIVIKEY_CIVICRM must be standin, none or real, not '$civicrm'." ;;
esac
report="phpunit-$civicrm"
if [[ "${CIVIKEY_MULTISITE:-0}" == 1 ]]; then
	[[ "$civicrm" == standin ]] || die "CIVIKEY_MULTISITE=1 runs with the CiviCRM stand-in only."
	phpunit_args+=(--group multisite)
	report="phpunit-multisite"
else
	excluded_groups+=(multisite)
fi
if ((${#excluded_groups[@]})); then
	phpunit_args+=(--exclude-group "$(IFS=,; echo "${excluded_groups[*]}")")
fi

[[ -x "$ROOT_DIR/vendor/bin/phpunit" ]] || die "PHPUnit is missing: run composer install"
bash "$ROOT_DIR/bin/start-db.sh" >/dev/null
if [[ "${CIVIKEY_MULTISITE:-0}" == 1 ]]; then
	ms_db="${CIVIKEY_TEST_DB_NAME:-civikey_test_ms}"
	mysql_root -e "CREATE DATABASE IF NOT EXISTS \`$ms_db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; GRANT ALL PRIVILEGES ON \`$ms_db\`.* TO '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';"
fi
if [[ "$civicrm" != real ]]; then
	[[ -f "$WP_DIR/wp-settings.php" ]] || bash "$ROOT_DIR/bin/start-wordpress.sh"
fi
mkdir -p "$ROOT_DIR/artifacts"
cd "$ROOT_DIR"
exec php vendor/bin/phpunit --log-junit "artifacts/$report.xml" "${phpunit_args[@]}" "$@"

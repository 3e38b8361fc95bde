#!/usr/bin/env bash
# PHPUnit on the local stack's WordPress with its own test database.
# CIVIKEY_CIVICRM=standin (default) or none picks the CiviCRM the tests run with.
source "$(dirname "$0")/lib.sh"

[[ -x "$ROOT_DIR/vendor/bin/phpunit" ]] || die "PHPUnit is missing: run composer install"
bash "$ROOT_DIR/bin/start-db.sh" >/dev/null
[[ -f "$WP_DIR/wp-settings.php" ]] || bash "$ROOT_DIR/bin/start-wordpress.sh"
mkdir -p "$ROOT_DIR/artifacts"
cd "$ROOT_DIR"
exec php vendor/bin/phpunit --log-junit "artifacts/phpunit-${CIVIKEY_CIVICRM:-standin}.xml" "$@"

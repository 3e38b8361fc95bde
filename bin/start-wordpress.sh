#!/usr/bin/env bash
# Sets up and serves the local WordPress: copies the pinned core into
# .stack/wordpress, writes wp-config.php, installs the site, links this plugin
# and the CiviCRM stand-in, and serves it with PHP's built-in server.
source "$(dirname "$0")/lib.sh"

bash "$ROOT_DIR/bin/fetch-wordpress.sh"

if [[ ! -f "$WP_DIR/wp-settings.php" ]]; then
	log "Copying WordPress into $WP_DIR"
	mkdir -p "$(dirname "$WP_DIR")"
	cp -r "$DOWNLOAD_DIR/wordpress-tree" "$WP_DIR"
fi
mkdir -p "$WP_DIR/wp-content/plugins" "$WP_DIR/wp-content/uploads" "$LOG_DIR" "$RUN_DIR"
ln -sfn "$ROOT_DIR" "$WP_DIR/wp-content/plugins/civikey"
ln -sfn "$ROOT_DIR/tests/civicrm-standin" "$WP_DIR/wp-content/plugins/civicrm-standin"

# Secrets of the dev stack are made once and kept with its state.
if [[ ! -f "$STACK_DIR/secrets.php" ]]; then
	php -r '
		$lines = array( "<?php" );
		foreach ( array( "AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT" ) as $name ) {
			$lines[] = sprintf( "define( %s, %s );", var_export( $name, true ), var_export( bin2hex( random_bytes( 32 ) ), true ) );
		}
		// The stand-in reads this as CIVICRM_SITE_KEY once civicrm_initialize() runs.
		$lines[] = sprintf( "define( %s, %s );", var_export( "CIVIKEY_STANDIN_SITE_KEY", true ), var_export( bin2hex( random_bytes( 16 ) ), true ) );
		file_put_contents( $argv[1], implode( "\n", $lines ) . "\n" );
	' "$STACK_DIR/secrets.php"
	chmod 600 "$STACK_DIR/secrets.php"
fi

cat >"$WP_DIR/wp-config.php" <<PHP
<?php
// Written by bin/start-wordpress.sh on every start; edit that script instead.
define( 'DB_NAME', getenv( 'CIVIKEY_DB_NAME' ) ?: '$DB_NAME' );
define( 'DB_USER', '$DB_USER' );
define( 'DB_PASSWORD', '$DB_PASSWORD' );
define( 'DB_HOST', '$DB_HOST:$DB_PORT' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
// Both can be switched so that WP-CLI can run against the PHPUnit database.
\$table_prefix = getenv( 'CIVIKEY_TABLE_PREFIX' ) ?: 'wp_';
require '$STACK_DIR/secrets.php';
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '$LOG_DIR/debug.log' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'SCRIPT_DEBUG', false );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
// The stack runs offline: no update checks or other calls out.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'DISALLOW_FILE_MODS', false );
define( 'FS_METHOD', 'direct' );
// CiviCRM skips every folder whose path contains "/." unless told otherwise
// (civicrm-core CRM/Utils/File.php findFiles()); the stack lives in .stack/.
define( 'CIVICRM_EXCLUDE_DIRS_PATTERN', '@/\\.[^/]*\$@' );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP

plugins=(civikey/civikey.php)
case "${CIVIKEY_CIVICRM:-standin}" in
	standin) plugins+=(civicrm-standin/civicrm-standin.php) ;;
	none) ;;
	real)
		bash "$ROOT_DIR/bin/build-civicrm.sh" || die "the real CiviCRM could not be built here (above); start with CIVIKEY_CIVICRM=standin"
		# Activated by CiviCRM's installer the first time (below).
		if [[ -f "$WP_DIR/wp-content/uploads/civicrm/civicrm.settings.php" ]]; then
			plugins+=(civicrm/civicrm.php)
		fi
		;;
	*) die "CIVIKEY_CIVICRM must be real, standin or none (got ${CIVIKEY_CIVICRM})" ;;
esac
# What the end-to-end tests read to know which CiviCRM they talk to.
echo "${CIVIKEY_CIVICRM:-standin}" >"$STACK_DIR/civicrm"
php "$ROOT_DIR/bin/install-wordpress.php" "$WP_DIR" "$SITE_URL" "$ADMIN_USER" "$ADMIN_PASSWORD" \
	"$ADMIN_EMAIL" "${plugins[@]}" 2>>"$LOG_DIR/install.log" | sed 's/^/[civikey] /'
if [[ "${CIVIKEY_CIVICRM:-standin}" == real ]]; then
	stack_php "$ROOT_DIR/bin/install-civicrm.php" "$WP_DIR" "$SITE_URL" "${DB_NAME}_civicrm" 2>>"$LOG_DIR/install.log" |
		sed 's/^/[civikey] /'
	[[ "${PIPESTATUS[0]}" == 0 ]] || die "installing the real CiviCRM failed; see $LOG_DIR/install.log"
fi

if pid_alive "$RUN_DIR/php-server.pid"; then
	log "Web server already running at $SITE_URL"
elif curl -sS -o /dev/null --max-time 5 "$SITE_URL/" 2>/dev/null; then
	die "something else already answers at $SITE_URL (another checkout's stack?). Stop it, or choose another port with CIVIKEY_PORT=..."
else
	log "Serving $WP_DIR at $SITE_URL with $PHP_WORKERS PHP workers"
	# Several workers let a request from PHP to its own site (loopback, the
	# live key test) be answered while the first request waits for it.
	(
		cd "$WP_DIR"
		# opcache.revalidate_freq=0: a PHP file changed on disk (an edit, or the
		# e2e tests moving civicrm.settings.php aside) is seen by the next request.
		PHP_CLI_SERVER_WORKERS="$PHP_WORKERS" setsid nohup php -d variables_order=EGPCS -d opcache.revalidate_freq=0 \
			-S "$HTTP_HOST:$HTTP_PORT" -t "$WP_DIR" </dev/null >>"$LOG_DIR/php-server.log" 2>&1 &
		echo $! >"$RUN_DIR/php-server.pid"
	)
	wait_for "The web server" 120 curl -fsS -o /dev/null --max-time 5 "$SITE_URL/wp-login.php"
fi

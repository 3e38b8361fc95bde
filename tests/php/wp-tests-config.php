<?php
/**
 * Configuration shared by the PHPUnit bootstrap and the test-site installer:
 * the local stack's WordPress, pointed at its own test database.
 *
 * Environment variables (all optional) follow bin/lib.sh.
 *
 * @package CiviKey\Tests
 */

$civikey_env = static function ( string $name, string $fallback ): string {
	$value = getenv( $name );
	return false === $value || '' === $value ? $fallback : $value;
};

define( 'CIVIKEY_TESTS_ROOT', dirname( __DIR__, 2 ) );
define( 'CIVIKEY_TESTS_WP_DIR', rtrim( $civikey_env( 'CIVIKEY_WP_DIR', CIVIKEY_TESTS_ROOT . '/.stack/wordpress' ), '/' ) );
define( 'CIVIKEY_TESTS_CIVICRM', $civikey_env( 'CIVIKEY_CIVICRM', 'standin' ) );

if ( ! is_file( CIVIKEY_TESTS_WP_DIR . '/wp-settings.php' ) ) {
	fwrite( STDERR, 'WordPress was not found in ' . CIVIKEY_TESTS_WP_DIR . ". Run `npm start` (or bin/start.sh) first, or set CIVIKEY_WP_DIR.\n" );
	exit( 1 );
}

define( 'ABSPATH', CIVIKEY_TESTS_WP_DIR . '/' );
define( 'DB_NAME', $civikey_env( 'CIVIKEY_TEST_DB_NAME', 'civikey_test' ) );
define( 'DB_USER', $civikey_env( 'CIVIKEY_DB_USER', 'civikey' ) );
define( 'DB_PASSWORD', $civikey_env( 'CIVIKEY_DB_PASSWORD', 'civikey' ) );
define( 'DB_HOST', $civikey_env( 'CIVIKEY_DB_HOST', '127.0.0.1' ) . ':' . $civikey_env( 'CIVIKEY_DB_PORT', '3307' ) );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

define( 'WP_TESTS_DOMAIN', 'example.org' );
define( 'WP_TESTS_EMAIL', 'admin@example.org' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', true );
define( 'WP_DEBUG_LOG', false );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'DISABLE_WP_CRON', true );
define( 'WP_DEFAULT_THEME', 'twentytwentyfive' );
// Known to the tests so they can look for it where it must never appear.
define( 'CIVIKEY_STANDIN_SITE_KEY', 'testsitekey0123456789abcdefABCDE' );

foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as $civikey_salt ) {
	define( $civikey_salt, 'civikey-tests-' . $civikey_salt ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.VariableConstantNameFound -- WordPress's salt constants.
}

// wp-settings.php reads this in the scope that includes it, which under
// PHPUnit is a function, not the global scope.
$table_prefix            = 'wptests_'; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
$GLOBALS['table_prefix'] = $table_prefix;

$_SERVER['HTTP_HOST']       = WP_TESTS_DOMAIN;
$_SERVER['SERVER_NAME']     = WP_TESTS_DOMAIN;
$_SERVER['SERVER_PORT']     = '80';
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['PHP_SELF']        = '/index.php';

/**
 * Plugin main files loaded for this run, by their name in the local stack.
 *
 * @return array<string, string>
 */
function civikey_tests_plugin_files(): array {
	$files = array();
	if ( 'standin' === CIVIKEY_TESTS_CIVICRM ) {
		$files['civicrm-standin/civicrm-standin.php'] = CIVIKEY_TESTS_ROOT . '/tests/civicrm-standin/civicrm-standin.php';
	}
	$files['civikey/civikey.php'] = CIVIKEY_TESTS_ROOT . '/civikey.php';
	return $files;
}

/**
 * Adds a hook before WordPress is loaded, the way WordPress's own test
 * library does: WP_Hook turns these raw entries into hooks on load.
 *
 * @param string   $hook_name Hook.
 * @param callable $callback  Callback.
 * @param int      $priority  Priority.
 */
function civikey_tests_add_early_hook( string $hook_name, callable $callback, int $priority = 10 ): void {
	$GLOBALS['wp_filter'][ $hook_name ][ $priority ][] = array(
		'function'      => $callback,
		'accepted_args' => 1,
	);
}

civikey_tests_add_early_hook(
	'muplugins_loaded',
	static function (): void {
		foreach ( civikey_tests_plugin_files() as $file ) {
			require_once $file;
		}
	}
);

<?php
/**
 * Configuration shared by the PHPUnit bootstrap and the test-site installer:
 * the local stack's WordPress, pointed at its own test database.
 *
 * Environment variables (all optional) follow bin/lib.sh. CIVIKEY_CIVICRM picks
 * the CiviCRM the tests run with:
 *
 * - `standin` (default): the test double in tests/civicrm-standin.
 * - `none`: no CiviCRM at all.
 * - `real`: a real CiviCRM already installed as a WordPress plugin. Then
 *   CIVIKEY_WP_DIR is that WordPress (its wp-content/plugins/civicrm holds
 *   civicrm-wordpress with civicrm-core, vendor and packages at civicrm/).
 *   The tests give CiviCRM its own database, CIVIKEY_TEST_CIVICRM_DB_NAME
 *   (default: the WordPress test database's name + `_civicrm`), and keep its
 *   settings file, database dump and private files in CIVIKEY_TEST_CIVICRM_DIR
 *   (default: `civikey-test-civicrm` beside that WordPress), so the site's own
 *   CiviCRM settings and database are never used. The database user needs
 *   every right on both test databases. tests/php/cli also runs `wp` in that
 *   WordPress: its wp-config.php must then take DB_NAME from CIVIKEY_DB_NAME,
 *   the table prefix from CIVIKEY_TABLE_PREFIX and define CIVICRM_SETTINGS_PATH
 *   from the environment, like the local stack's, and have CiviKey in
 *   wp-content/plugins/civikey.
 *
 * CIVIKEY_MULTISITE=1 runs the tests on a WordPress network instead (the
 * suite bin/test-php.sh runs as phpunit-multisite): its own test database,
 * civikey_test_ms unless CIVIKEY_TEST_DB_NAME says otherwise, installed as a
 * single site and then turned into a network with WordPress's own
 * install_network() and populate_network(), as WordPress's test library does;
 * the constants that make WordPress load as a network are defined by the
 * bootstrap only, after that install. Only with the stand-in.
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

define( 'CIVIKEY_TESTS_MULTISITE', '1' === $civikey_env( 'CIVIKEY_MULTISITE', '0' ) );

if ( ! in_array( CIVIKEY_TESTS_CIVICRM, array( 'standin', 'none', 'real' ), true ) ) {
	fwrite( STDERR, 'CIVIKEY_CIVICRM must be standin, none or real, not "' . CIVIKEY_TESTS_CIVICRM . "\".\n" );
	exit( 1 );
}
if ( CIVIKEY_TESTS_MULTISITE && 'standin' !== CIVIKEY_TESTS_CIVICRM ) {
	fwrite( STDERR, "CIVIKEY_MULTISITE=1 runs with the CiviCRM stand-in only (CIVIKEY_CIVICRM=standin).\n" );
	exit( 1 );
}

if ( ! is_file( CIVIKEY_TESTS_WP_DIR . '/wp-settings.php' ) ) {
	fwrite( STDERR, 'WordPress was not found in ' . CIVIKEY_TESTS_WP_DIR . ". Run `npm start` (or bin/start.sh) first, or set CIVIKEY_WP_DIR.\n" );
	exit( 1 );
}

define( 'ABSPATH', CIVIKEY_TESTS_WP_DIR . '/' );
define( 'DB_NAME', $civikey_env( 'CIVIKEY_TEST_DB_NAME', CIVIKEY_TESTS_MULTISITE ? 'civikey_test_ms' : 'civikey_test' ) );
define( 'DB_USER', $civikey_env( 'CIVIKEY_DB_USER', 'civikey' ) );
define( 'DB_PASSWORD', $civikey_env( 'CIVIKEY_DB_PASSWORD', 'civikey' ) );
define( 'DB_HOST', $civikey_env( 'CIVIKEY_DB_HOST', '127.0.0.1' ) . ':' . $civikey_env( 'CIVIKEY_DB_PORT', '3307' ) );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

if ( 'real' === CIVIKEY_TESTS_CIVICRM ) {
	define( 'CIVIKEY_TESTS_CIVICRM_PLUGIN', CIVIKEY_TESTS_WP_DIR . '/wp-content/plugins/civicrm/civicrm.php' );
	if ( ! is_file( CIVIKEY_TESTS_CIVICRM_PLUGIN ) || ! is_file( dirname( CIVIKEY_TESTS_CIVICRM_PLUGIN ) . '/civicrm/xml/version.xml' ) ) {
		fwrite( STDERR, 'CIVIKEY_CIVICRM=real needs a real CiviCRM installed in ' . dirname( CIVIKEY_TESTS_CIVICRM_PLUGIN ) . " (with civicrm-core at civicrm/), and there is none: set CIVIKEY_WP_DIR to a WordPress that has it.\n" );
		exit( 1 );
	}
	define( 'CIVIKEY_TESTS_CIVICRM_DB_NAME', $civikey_env( 'CIVIKEY_TEST_CIVICRM_DB_NAME', DB_NAME . '_civicrm' ) );
	define( 'CIVIKEY_TESTS_CIVICRM_DIR', rtrim( $civikey_env( 'CIVIKEY_TEST_CIVICRM_DIR', dirname( CIVIKEY_TESTS_WP_DIR ) . '/civikey-test-civicrm' ), '/' ) );
	if ( CIVIKEY_TESTS_CIVICRM_DB_NAME === DB_NAME ) {
		fwrite( STDERR, "CIVIKEY_TEST_CIVICRM_DB_NAME must differ from the WordPress test database, which is emptied on every run.\n" );
		exit( 1 );
	}
	// civicrm.php reads its settings from here instead of the site's
	// wp-content/uploads/civicrm/civicrm.settings.php; children (wp, the
	// one-time installer) get it through the environment.
	define( 'CIVICRM_SETTINGS_PATH', CIVIKEY_TESTS_CIVICRM_DIR . '/civicrm.settings.php' );
	putenv( 'CIVICRM_SETTINGS_PATH=' . CIVICRM_SETTINGS_PATH ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.runtime_configuration_putenv -- for child processes.
	// For `wp` run by tests/php/cli; written by install-test-site.php.
	putenv( 'WP_CLI_CONFIG_PATH=' . CIVIKEY_TESTS_CIVICRM_DIR . '/wp-cli.yml' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.runtime_configuration_putenv -- for child processes.
}

// CiviCRM skips every folder whose path contains "/." unless told otherwise
// (civicrm-core CRM/Utils/File.php findFiles()); the stack lives in .stack/.
define( 'CIVICRM_EXCLUDE_DIRS_PATTERN', '@/\\.[^/]*$@' );
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
// CiviCRM's site key, in the stand-in and in the real CiviCRM the tests
// install. Known to the tests so they can look for it where it must never appear.
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
	} elseif ( 'real' === CIVIKEY_TESTS_CIVICRM ) {
		$files['civicrm/civicrm.php'] = CIVIKEY_TESTS_CIVICRM_PLUGIN;
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

<?php
/**
 * TEST ONLY. Puts the local stack's CiviCRM in a state for the end-to-end
 * tests, each the way a site really gets there, and describes it. Run by
 * tests/e2e/support/civicrm.ts as
 * `php civicrm-state.php <WordPress dir> <real|standin> set <state>` or
 * `php civicrm-state.php <WordPress dir> <real|standin> describe`.
 *
 * States:
 * - ready
 * - absent         the CiviCRM plugin deactivated;
 * - not_installed  the plugin active, its installer never run: with the real
 *                  CiviCRM the settings file is moved aside (the plugin
 *                  decides CIVICRM_INSTALLED by that file), with the stand-in
 *                  its mode;
 * - failing        the stand-in only: CiviCRM starts, then every API call
 *                  fails (a database lost after CiviCRM started). The real
 *                  CiviCRM cannot be put there from outside a request; and a
 *                  database already down when a request begins ends the
 *                  request inside CiviCRM's boot, which civicrm-wordpress
 *                  runs on `init` for every request (civicrm.php
 *                  register_hooks_clean_urls(); CRM/Core/Error.php
 *                  simpleHandler() calls exit), before any plugin can answer.
 * `set` prints the state the site is now in. `describe` prints JSON with the
 * CiviCRM version and site key (a secret: the tests look for it in
 * responses and logs, and never print it).
 *
 * @package CiviKey\Tests
 */

if ( PHP_SAPI !== 'cli' || $argc < 4 ) {
	fwrite( STDERR, "Usage: php civicrm-state.php <WordPress dir> <real|standin> set <state> | describe\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fwrite -- command-line script.
	exit( 2 );
}
list( , $civikey_e2e_wordpress, $civikey_e2e_kind, $civikey_e2e_command ) = $argv;
$civikey_e2e_wanted = $argv[4] ?? '';

$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $civikey_e2e_wordpress . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$civikey_e2e_plugin   = 'real' === $civikey_e2e_kind ? 'civicrm/civicrm.php' : 'civicrm-standin/civicrm-standin.php';
$civikey_e2e_settings = wp_upload_dir()['basedir'] . '/civicrm/civicrm.settings.php';
$civikey_e2e_original = $civikey_e2e_settings . '.e2e-original';

/**
 * Ends with a message on standard error.
 *
 * @param string $message What went wrong.
 * @return never
 */
function civikey_e2e_fail( string $message ) {
	fwrite( STDERR, $message . "\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fwrite -- command-line script.
	exit( 1 );
}

/**
 * Puts the real CiviCRM's settings file back as the installer wrote it.
 *
 * @param string $settings Settings file.
 * @param string $original Where the original is kept while a state is set.
 */
function civikey_e2e_restore_settings( string $settings, string $original ): void {
	if ( is_file( $original ) && ! rename( $original, $settings ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions.rename_rename -- test fixture file.
		civikey_e2e_fail( "Could not put back $settings" );
	}
}

if ( 'describe' === $civikey_e2e_command ) {
	if ( ! function_exists( 'civicrm_initialize' ) || ! civicrm_initialize() ) {
		civikey_e2e_fail( 'CiviCRM is not ready on this site.' );
	}
	echo wp_json_encode(
		array(
			'kind'    => $civikey_e2e_kind,
			'version' => (string) CRM_Utils_System::version(),
			'siteKey' => defined( 'CIVICRM_SITE_KEY' ) ? (string) constant( 'CIVICRM_SITE_KEY' ) : '',
		)
	);
	exit( 0 );
}

$civikey_e2e_states = 'real' === $civikey_e2e_kind
	? array( 'ready', 'absent', 'not_installed' )
	: array( 'ready', 'absent', 'not_installed', 'failing' );
if ( 'set' !== $civikey_e2e_command || ! in_array( $civikey_e2e_wanted, $civikey_e2e_states, true ) ) {
	civikey_e2e_fail( "The $civikey_e2e_kind CiviCRM cannot be put in the state '$civikey_e2e_wanted'." );
}

if ( 'real' === $civikey_e2e_kind ) {
	civikey_e2e_restore_settings( $civikey_e2e_settings, $civikey_e2e_original );
	if ( 'not_installed' === $civikey_e2e_wanted ) {
		rename( $civikey_e2e_settings, $civikey_e2e_original ); // phpcs:ignore WordPress.WP.AlternativeFunctions.rename_rename -- test fixture file.
	}
} else {
	update_option( 'civicrm_standin_mode', 'absent' === $civikey_e2e_wanted ? 'ready' : $civikey_e2e_wanted );
}

if ( 'absent' === $civikey_e2e_wanted ) {
	deactivate_plugins( $civikey_e2e_plugin, true );
} elseif ( ! is_plugin_active( $civikey_e2e_plugin ) && is_wp_error( activate_plugin( $civikey_e2e_plugin ) ) ) {
	civikey_e2e_fail( "Could not activate $civikey_e2e_plugin" );
}

// What the site is now in, read back rather than assumed.
if ( ! is_plugin_active( $civikey_e2e_plugin ) ) {
	echo 'absent';
} elseif ( 'real' !== $civikey_e2e_kind ) {
	echo esc_html( (string) get_option( 'civicrm_standin_mode' ) );
} elseif ( ! is_file( $civikey_e2e_settings ) ) {
	echo 'not_installed';
} else {
	echo 'ready';
}

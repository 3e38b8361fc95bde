<?php
/**
 * PHPUnit bootstrap: the local stack's WordPress against the test database.
 *
 * WordPress's own test library (wp-phpunit) is not in the package registries
 * this project can reach, so this does the parts of it we need: a fresh
 * install per run (in a child process), WordPress loaded with our plugin and
 * the chosen CiviCRM, and a base test case that rolls each test back.
 *
 * @package CiviKey\Tests
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

require dirname( __DIR__, 2 ) . '/vendor/autoload.php';
// First, so a wrong configuration stops the run with its own one sentence.
require_once __DIR__ . '/wp-tests-config.php';

$civikey_install = array( PHP_BINARY, __DIR__ . '/install-test-site.php' );
$civikey_command = implode( ' ', array_map( 'escapeshellarg', $civikey_install ) ) . ' 2>&1';
exec( $civikey_command, $civikey_output, $civikey_status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec
fwrite( STDERR, implode( "\n", $civikey_output ) . "\n" );
if ( 0 !== $civikey_status ) {
	fwrite( STDERR, "Installing the test site failed.\n" );
	exit( 1 );
}

if ( CIVIKEY_TESTS_MULTISITE ) {
	// After the install, which runs as a single site (see install-test-site.php).
	define( 'MULTISITE', true );
	define( 'SUBDOMAIN_INSTALL', false );
	$GLOBALS['base'] = '/';
}

// PHPUnit includes this file inside a function; WordPress expects these globals.
global $wpdb, $current_site, $current_blog, $wp_rewrite, $shortcode_tags, $wp, $phpmailer, $wp_theme_directories;
require ABSPATH . 'wp-settings.php';
// Admin screens and REST controllers expect these loaded.
require_once ABSPATH . 'wp-admin/includes/admin.php';

// Say which CiviCRM this run tests against, and make sure it is that one.
if ( 'none' === CIVIKEY_TESTS_CIVICRM ) {
	fwrite( STDERR, "CiviCRM: none\n" );
} else {
	$civikey_is_real = function_exists( 'civi_wp' ) && ! class_exists( 'CiviCRM_Standin\\Plugin', false );
	if ( ( 'real' === CIVIKEY_TESTS_CIVICRM ) !== $civikey_is_real || ! civicrm_initialize() ) {
		fwrite( STDERR, 'CIVIKEY_CIVICRM=' . CIVIKEY_TESTS_CIVICRM . " was asked for, but that CiviCRM did not load and initialise.\n" );
		exit( 1 );
	}
	$civikey_civicrm_origin = '';
	if ( $civikey_is_real ) {
		// The test bridge (tests/civicrm-core-bridge) says so; civicrm-wordpress has its own version.
		$civikey_civicrm_origin = ' (civicrm-core from ' . ( 'bridge' === CIVICRM_PLUGIN_VERSION ? 'the Packagist copy' : 'the site' ) . '; WordPress side: ' . ( 'bridge' === CIVICRM_PLUGIN_VERSION ? 'tests/civicrm-core-bridge' : 'civicrm-wordpress ' . CIVICRM_PLUGIN_VERSION ) . ')';
	}
	fwrite( STDERR, 'CiviCRM: ' . ( $civikey_is_real ? 'real ' : 'stand-in ' ) . CRM_Utils_System::version() . $civikey_civicrm_origin . "\n" );
}

require __DIR__ . '/includes/trait-runs-wp-cli.php';
require __DIR__ . '/includes/class-test-case.php';
require __DIR__ . '/includes/class-counting-gateway.php';

if ( CIVIKEY_TESTS_MULTISITE ) {
	require __DIR__ . '/includes/multisite.php';
	civikey_tests_add_second_site();
}

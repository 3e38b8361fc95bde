<?php
/**
 * Installs a fresh WordPress into the test database. Run in its own process
 * by the bootstrap (WordPress cannot be loaded twice in one process).
 *
 * @package CiviKey\Tests
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

require __DIR__ . '/wp-tests-config.php';
define( 'WP_INSTALLING', true );
require ABSPATH . 'wp-settings.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

global $wpdb;
// Start from nothing: every table of the test database, WordPress's and the
// CiviCRM stand-in's alike.
$wpdb->query( 'SET FOREIGN_KEY_CHECKS = 0' );
foreach ( $wpdb->get_col( 'SHOW TABLES' ) as $table ) {
	$wpdb->query( "DROP TABLE IF EXISTS `$table`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- names from SHOW TABLES.
}
$wpdb->query( 'SET FOREIGN_KEY_CHECKS = 1' );
wp_cache_flush();

wp_install( 'CiviKey tests', 'admin', WP_TESTS_EMAIL, false, '', 'password' );
update_option( 'siteurl', 'http://' . WP_TESTS_DOMAIN );
update_option( 'home', 'http://' . WP_TESTS_DOMAIN );
update_option( 'permalink_structure', '/%postname%/' );

foreach ( civikey_tests_plugin_files() as $file ) {
	do_action( 'activate_' . plugin_basename( $file ) ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress's own activation hook.
}
// Named as the local stack links them, so that WP-CLI run against this
// database (tests/php/cli) loads the same plugins.
update_option( 'active_plugins', array_keys( civikey_tests_plugin_files() ) );
if ( function_exists( 'civicrm_initialize' ) ) {
	civicrm_initialize();
}
fwrite( STDOUT, 'Installed WordPress ' . get_bloginfo( 'version' ) . ' into ' . DB_NAME . ' with CiviCRM: ' . CIVIKEY_TESTS_CIVICRM . "\n" );

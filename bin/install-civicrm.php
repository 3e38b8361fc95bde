<?php
/**
 * Installs the real CiviCRM (built by bin/build-civicrm.sh) into the local
 * stack's WordPress with civicrm-core's own installer (bin/includes/civicrm-setup.php:
 * wp-content/uploads/civicrm/civicrm.settings.php, the CiviCRM database, a
 * generated site key), activates the plugin, and makes the base page
 * front-end CiviCRM URLs (civicrm/authx/id) live on. Does nothing when the
 * settings file is already there.
 *
 * Usage: php bin/install-civicrm.php <wp dir> <site url> <civicrm database>
 *
 * @package CiviKey
 */

if ( 'cli' !== PHP_SAPI || $argc < 4 ) {
	fwrite( STDERR, "Usage: php bin/install-civicrm.php <wp dir> <site url> <civicrm database>\n" );
	exit( 2 );
}
list( , $civikey_wp_dir, $civikey_site_url, $civikey_civicrm_db ) = $argv;

$civikey_url                = (array) parse_url( $civikey_site_url ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- WordPress is not loaded yet.
$_SERVER['HTTP_HOST']       = $civikey_url['host'] . ( isset( $civikey_url['port'] ) ? ':' . $civikey_url['port'] : '' );
$_SERVER['SERVER_NAME']     = $civikey_url['host'];
$_SERVER['SERVER_PORT']     = (string) ( $civikey_url['port'] ?? 80 );
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
// CiviCRM's installer refuses a base URL that contains the script's folder.
$_SERVER['PHP_SELF'] = '/index.php';

require $civikey_wp_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';

if ( defined( 'CIVICRM_INSTALLED' ) && CIVICRM_INSTALLED ) {
	fwrite( STDOUT, 'CiviCRM is installed (' . CIVICRM_SETTINGS_PATH . ")\n" );
	exit( 0 );
}
wp_set_current_user( 1 );
if ( ! is_file( WP_PLUGIN_DIR . '/civicrm/civicrm/CRM/Core/ClassLoader.php' ) ) {
	fwrite( STDERR, 'There is no civicrm-core in ' . WP_PLUGIN_DIR . "/civicrm/civicrm: run bin/build-civicrm.sh first.\n" );
	exit( 1 );
}
require __DIR__ . '/includes/civicrm-setup.php';
$civikey_started = microtime( true );
if ( ! civikey_run_civicrm_setup( $civikey_civicrm_db ) ) {
	exit( 1 );
}
// CiviCRM's installer activates the plugin itself, unless it finds it active.
if ( ! is_plugin_active( 'civicrm/civicrm.php' ) ) {
	activate_plugin( 'civicrm/civicrm.php' );
}
require_once WP_PLUGIN_DIR . '/civicrm/civicrm.php';
if ( ! civi_wp()->basepage->create_wp_basepage() ) {
	fwrite( STDERR, "Creating CiviCRM's base page failed.\n" );
	exit( 1 );
}
flush_rewrite_rules();
fwrite( STDOUT, sprintf( "Installed CiviCRM %s into %s in %.0f s\n", CRM_Utils_System::version(), $civikey_civicrm_db, microtime( true ) - $civikey_started ) );


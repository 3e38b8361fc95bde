<?php
/**
 * Installs (or re-checks) the local stack's WordPress from the command line:
 * admin login, pretty permalinks, and the plugins the stack runs with.
 * Run by bin/start.sh; idempotent.
 *
 * Usage: php bin/install-wordpress.php <WordPress dir> <site url> <admin user> <admin password> <admin email> <plugin>...
 *
 * @package CiviKey
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

list( , $wordpress_dir, $site_url, $admin_user, $admin_password, $admin_email ) = $argv;
$plugins = array_slice( $argv, 6 );

$url_parts                 = civikey_parse_url_early( $site_url );
$_SERVER['HTTP_HOST']      = $url_parts['host'] . ( isset( $url_parts['port'] ) ? ':' . $url_parts['port'] : '' );
$_SERVER['SERVER_NAME']    = $url_parts['host'];
$_SERVER['REQUEST_URI']    = '/';
$_SERVER['SERVER_PORT']    = isset( $url_parts['port'] ) ? (string) $url_parts['port'] : '80';
$_SERVER['REQUEST_METHOD'] = 'GET';

define( 'WP_INSTALLING', true );
require $wordpress_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

/**
 * `wp_parse_url()` is not loaded yet when the server variables must be set.
 *
 * @param string $url URL.
 * @return array<string, mixed>
 */
function civikey_parse_url_early( $url ) {
	return parse_url( $url ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url
}

if ( ! is_blog_installed() ) {
	$result = wp_install( 'CiviKey development', $admin_user, $admin_email, false, '', $admin_password );
	fwrite( STDOUT, "WordPress installed.\n" );
} else {
	$admin = get_user_by( 'login', $admin_user );
	if ( $admin ) {
		wp_set_password( $admin_password, $admin->ID );
	}
}

update_option( 'siteurl', $site_url );
update_option( 'home', $site_url );
update_option( 'blogdescription', 'Local stack for CiviKey' );
if ( get_option( 'permalink_structure' ) !== '/%postname%/' ) {
	update_option( 'permalink_structure', '/%postname%/' );
}
// The stack is offline: no update checks, no pings.
update_option( 'blog_public', '0' );

$wanted = array();
foreach ( $plugins as $plugin ) {
	$wanted[] = $plugin;
	if ( ! is_plugin_active( $plugin ) ) {
		$result = activate_plugin( $plugin );
		if ( is_wp_error( $result ) ) {
			fwrite( STDERR, "Could not activate $plugin: " . $result->get_error_message() . "\n" );
			exit( 1 );
		}
	}
}
// Plugins the stack does not ask for are switched off, so a switch between the
// stand-in and the real CiviCRM leaves only one of them active.
foreach ( get_option( 'active_plugins', array() ) as $active ) {
	if ( ! in_array( $active, $wanted, true ) ) {
		deactivate_plugins( $active, true );
	}
}
flush_rewrite_rules( true );
fwrite( STDOUT, 'WordPress ' . get_bloginfo( 'version' ) . ' ready; active plugins: ' . implode( ', ', get_option( 'active_plugins' ) ) . "\n" );

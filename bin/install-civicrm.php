<?php
/**
 * Installs the real CiviCRM (built by bin/build-civicrm.sh) into the local
 * stack's WordPress, the way `wp civicrm core activate` does: civicrm-core's
 * own installer (Civi\Setup) writes wp-content/uploads/civicrm/civicrm.settings.php
 * and fills the CiviCRM database (extensions such as AuthX enabled, a site
 * key generated), then activates the plugin; finally the base page front-end
 * CiviCRM URLs (civicrm/authx/id) live on. Does nothing when the settings
 * file is already there.
 *
 * Usage: php bin/install-civicrm.php <wp dir> <site url> <civicrm database>
 *
 * @see civicrm-core setup/src/Setup.php
 * @see civicrm-core setup/plugins/init/WordPress.civi-setup.php
 * @package CiviKey
 */

if ( 'cli' !== PHP_SAPI || $argc < 4 ) {
	fwrite( STDERR, "Usage: php bin/install-civicrm.php <wp dir> <site url> <civicrm database>\n" );
	exit( 2 );
}
list( , $civikey_wp_dir, $civikey_site_url, $civikey_civicrm_db ) = $argv;

$civikey_url                = (array) civikey_parse_url_early( $civikey_site_url );
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
$civikey_core = WP_PLUGIN_DIR . '/civicrm/civicrm';
if ( ! is_file( "$civikey_core/CRM/Core/ClassLoader.php" ) ) {
	fwrite( STDERR, "There is no civicrm-core in $civikey_core: run bin/build-civicrm.sh first.\n" );
	exit( 1 );
}
// What civicrm.php defines once active; the installer needs them before that.
define( 'CIVICRM_PLUGIN_DIR', WP_PLUGIN_DIR . '/civicrm/' );
define( 'CIVICRM_PLUGIN_URL', plugin_dir_url( CIVICRM_PLUGIN_DIR . 'civicrm.php' ) );
require_once "$civikey_core/CRM/Core/ClassLoader.php";
CRM_Core_ClassLoader::singleton()->register();
\Civi\Setup::assertProtocolCompatibility( 1.0 );
\Civi\Setup::init(
	array(
		'cms'     => 'WordPress',
		'srcPath' => $civikey_core,
	)
);
$civikey_setup     = \Civi\Setup::instance();
$civikey_model     = $civikey_setup->getModel();
$civikey_model->db = array(
	'server'   => DB_HOST,
	'username' => DB_USER,
	'password' => DB_PASSWORD,
	'database' => $civikey_civicrm_db,
);
// Other languages make the installer download translations.
$civikey_model->lang = 'en_US';
$civikey_errors      = $civikey_setup->checkRequirements()->getErrors();
foreach ( $civikey_errors as $civikey_error ) {
	fwrite( STDERR, "CiviCRM's installer: {$civikey_error['section']} {$civikey_error['name']}: {$civikey_error['message']}\n" );
}
if ( $civikey_errors ) {
	exit( 1 );
}
$civikey_started = microtime( true );
$civikey_setup->installFiles();
$civikey_setup->installDatabase();
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

/**
 * The parts of a URL, before WordPress is loaded.
 *
 * @param string $url URL.
 * @return array<string, string|int>
 */
function civikey_parse_url_early( string $url ): array {
	return (array) parse_url( $url ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- WordPress is not loaded yet.
}

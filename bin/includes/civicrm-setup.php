<?php
/**
 * Runs civicrm-core's own installer (Civi\Setup) for the WordPress that is
 * loaded, the way `wp civicrm core activate` and `cv core:install` do: the
 * settings file, then the CiviCRM database (AuthX among the default
 * extensions). Shared by bin/install-civicrm.php (the local stack) and
 * tests/php/install-test-site.php (the tests' own CiviCRM).
 *
 * @see civicrm-core setup/src/Setup.php
 * @see civicrm-core setup/plugins/init/WordPress.civi-setup.php
 * @package CiviKey
 */

/**
 * Installs CiviCRM from the core in wp-content/plugins/civicrm/civicrm.
 *
 * @param string                                 $database     The CiviCRM database, on WordPress's server with its user.
 * @param callable(\Civi\Setup\Model): void|null $adjust_model Changes to the installer's model (site key, paths).
 * @return bool False when the installer's requirements are not met (printed).
 */
function civikey_run_civicrm_setup( string $database, ?callable $adjust_model = null ): bool {
	$core = WP_PLUGIN_DIR . '/civicrm/civicrm';
	// What civicrm.php defines once active; the installer needs them before that.
	if ( ! defined( 'CIVICRM_PLUGIN_DIR' ) ) {
		define( 'CIVICRM_PLUGIN_DIR', WP_PLUGIN_DIR . '/civicrm/' );
	}
	if ( ! defined( 'CIVICRM_PLUGIN_URL' ) ) {
		define( 'CIVICRM_PLUGIN_URL', plugin_dir_url( CIVICRM_PLUGIN_DIR . 'civicrm.php' ) );
	}
	require_once $core . '/CRM/Core/ClassLoader.php';
	CRM_Core_ClassLoader::singleton()->register();
	\Civi\Setup::assertProtocolCompatibility( 1.0 );
	\Civi\Setup::init(
		array(
			'cms'     => 'WordPress',
			'srcPath' => $core,
		)
	);
	$setup     = \Civi\Setup::instance();
	$model     = $setup->getModel();
	$model->db = array(
		'server'   => DB_HOST,
		'username' => DB_USER,
		'password' => DB_PASSWORD,
		'database' => $database,
	);
	// Other languages make the installer download translations.
	$model->lang = 'en_US';
	if ( $adjust_model ) {
		$adjust_model( $model );
	}
	$errors = $setup->checkRequirements()->getErrors();
	foreach ( $errors as $error ) {
		fwrite( STDERR, "CiviCRM's installer: {$error['section']} {$error['name']}: {$error['message']}\n" );
	}
	if ( $errors ) {
		return false;
	}
	$setup->installFiles();
	$setup->installDatabase();
	return true;
}

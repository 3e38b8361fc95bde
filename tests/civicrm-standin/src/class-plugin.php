<?php
/**
 * Wiring: hooks, initialisation, loading the CiviCRM-named classes.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin;

/**
 * Boots the stand-in.
 */
final class Plugin {

	/**
	 * Outcome of initialize(), once it has succeeded or failed for good.
	 *
	 * @var bool|null
	 */
	private static $initialized = null;

	/**
	 * Registers hooks at plugin load.
	 */
	public static function boot(): void {
		register_activation_hook( CIVICRM_STANDIN_FILE, array( Permissions::class, 'install_roles' ) );
		if ( ! CIVICRM_INSTALLED ) {
			// civicrm-wordpress registers its user hooks only once installed.
			return;
		}
		User_Sync::register_hooks();
		Authx_Endpoint::register();
		// civicrm-wordpress initialises CiviCRM on every request once installed:
		// init -> register_hooks() -> register_hooks_common() -> register_hooks_clean_urls().
		add_action( 'init', array( self::class, 'initialize_on_init' ) );
	}

	/**
	 * The `init` callback. A database failure here is left for the next
	 * explicit civicrm_initialize() call to report, so WordPress still loads.
	 *
	 * @see civicrm-wordpress civicrm.php register_hooks_clean_urls()
	 */
	public static function initialize_on_init(): void {
		try {
			self::initialize();
		} catch ( \Throwable $error ) {
			unset( $error );
		}
	}

	/**
	 * What civicrm_initialize() does: FALSE when not installed; otherwise creates the
	 * tables if needed, defines CIVICRM_SITE_KEY, makes civicrm_api4() and
	 * the CRM_* / Civi\* classes available, and returns TRUE. The outcome is
	 * remembered for the request, as civicrm-wordpress does with a static.
	 *
	 * @see civicrm-wordpress includes/civicrm.admin.php initialize()
	 * @return bool
	 * @throws \Civi\Core\Exception\DBQueryException When the database cannot be reached.
	 */
	public static function initialize(): bool {
		if ( null !== self::$initialized ) {
			return self::$initialized;
		}
		if ( Mode::NOT_INSTALLED === Mode::current() ) {
			self::$initialized = false;
			return false;
		}
		self::load_civicrm_classes();
		Site_Key::define();
		try {
			Schema::ensure();
		} catch ( Database_Error $error ) {
			// Not remembered: the next call tries again, like a failed bootstrap.
			throw \Civi\Core\Exception\DBQueryException::from_database_error( $error );
		}
		if ( ! wp_roles()->get_role( 'anonymous_user' ) ) {
			Permissions::install_roles();
		}
		self::$initialized = true;
		// hook_civicrm_config runs on every bootstrap; civicrm-wordpress runs
		// CiviCRM's hooks as WordPress actions (CRM/Utils/Hook/WordPress.php).
		$config = null;
		do_action_ref_array( 'civicrm_config', array( &$config ) ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- CiviCRM's hook.
		if ( User_Sync::enabled() && get_current_user_id() ) {
			// civicrm-wordpress synchronises the logged-in user here.
			User_Sync::synchronize( get_current_user_id() );
		}
		return true;
	}

	/**
	 * Forgets the initialisation outcome (tests switching modes).
	 */
	public static function reset(): void {
		self::$initialized = null;
	}

	/**
	 * Loads the classes and function that carry CiviCRM's own names.
	 */
	private static function load_civicrm_classes(): void {
		$dir = CIVICRM_STANDIN_DIR . '/src/civicrm/';
		require_once $dir . 'class-crm-core-exception.php';
		require_once $dir . 'class-unauthorized-exception.php';
		require_once $dir . 'class-not-implemented-exception.php';
		require_once $dir . 'class-db-query-exception.php';
		require_once $dir . 'class-result.php';
		require_once $dir . 'class-crm-utils-system.php';
		require_once $dir . 'class-crm-core-permission.php';
		require_once $dir . 'class-crm-core-session.php';
		require_once $dir . 'class-civi.php';
		require_once $dir . 'api.php';
	}
}

<?php
/**
 * Plugin Name:       CiviCRM core bridge (TEST ONLY)
 * Description:       TEST ONLY, for CiviKey's CI and local stack. Loads the real civicrm-core (from Composer) into WordPress where civicrm-wordpress would, because the package registries CiviKey's CI reaches do not hold civicrm-wordpress. Never ship it, never load it in production; it is not part of the CiviKey plugin zip.
 * Version:           0.1.0
 * Requires PHP:      8.1
 * License:           GPL-2.0-or-later
 *
 * The script bin/build-civicrm.sh copies this file to wp-content/plugins/civicrm/civicrm.php
 * with civicrm-core at wp-content/plugins/civicrm/civicrm/, the layout of
 * CiviCRM's WordPress release, which core's installer and URL code expect.
 *
 * It does only what CiviKey's tests and the local stack need from
 * civicrm-wordpress, each part following that plugin's code:
 * - civicrm_initialize(): settings file, core's class loader, the config
 *   singleton, the logged-in user synchronised to a contact
 *   (civicrm-wordpress includes/civicrm.admin.php initialize()), run on
 *   `init` of every request as civicrm-wordpress does;
 * - users saved in WordPress get a contact and a UFMatch row, deleted users
 *   lose the row (includes/civicrm.users.php update_user(), delete_user_ufmatch());
 * - on activation, the minimum capabilities for every role and the
 *   "access_civicrm" capability for administrators
 *   (includes/civicrm.users.php set_wp_user_capabilities(), set_access_capabilities());
 * - front-end pages under /civicrm/... (or ?civiwp=CiviCRM&q=civicrm/...)
 *   run through core's CRM_Core_Invoke, which is where AuthX authenticates
 *   (civicrm.php invoke(); includes/civicrm.basepage.php);
 * - civi_wp() with the few members core's WordPress classes call
 *   (civicrm-core CRM/Utils/System/WordPress.php).
 * Everything else (the admin screens, shortcodes, the WordPress REST routes,
 * `wp civicrm`) is not here.
 *
 * @package CiviKey\Tests
 */

// phpcs:disable Generic.Files.OneObjectStructurePerFile.MultipleFound -- one small test-only plugin file.

defined( 'ABSPATH' ) || exit;

// The test installer defines some of these before the plugin loads.
defined( 'CIVICRM_PLUGIN_FILE' ) || define( 'CIVICRM_PLUGIN_FILE', __FILE__ );
defined( 'CIVICRM_PLUGIN_DIR' ) || define( 'CIVICRM_PLUGIN_DIR', plugin_dir_path( __FILE__ ) );
defined( 'CIVICRM_PLUGIN_URL' ) || define( 'CIVICRM_PLUGIN_URL', plugin_dir_url( __FILE__ ) );
defined( 'CIVICRM_PLUGIN_VERSION' ) || define( 'CIVICRM_PLUGIN_VERSION', 'bridge' );
if ( ! defined( 'CIVICRM_SETTINGS_PATH' ) ) {
	// The tests point every process at their own settings file through the environment.
	$civicrm_bridge_settings = getenv( 'CIVICRM_SETTINGS_PATH' );
	define( 'CIVICRM_SETTINGS_PATH', $civicrm_bridge_settings ? $civicrm_bridge_settings : wp_upload_dir()['basedir'] . '/civicrm/civicrm.settings.php' );
}
define( 'CIVICRM_INSTALLED', is_file( CIVICRM_SETTINGS_PATH ) );
// Where WordPress lives, for core's paths and URLs; without it core cannot
// find the CMS root outside a web request (civicrm-wordpress civicrm.php
// setup_instance(); CRM/Utils/System/WordPress.php cmsRootPath()).
// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedVariableFound -- CiviCRM's global.
global $civicrm_paths;
if ( empty( $civicrm_paths['cms.root']['path'] ) ) {
	$civicrm_paths['cms.root']['path'] = untrailingslashit( ABSPATH );
}
if ( empty( $civicrm_paths['cms.root']['url'] ) ) {
	$civicrm_paths['cms.root']['url'] = home_url();
}
// phpcs:enable WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedVariableFound

/**
 * The base page: front-end CiviCRM URLs live under /civicrm/.
 */
final class CiviCRM_Core_Bridge_Basepage {

	public const SLUG = 'civicrm';

	/**
	 * URL of the base page.
	 *
	 * @return string
	 */
	public function url_get() {
		return home_url( '/' . self::SLUG . '/' );
	}

	/**
	 * Whether a post is the base page.
	 *
	 * @param int $post_id Post ID.
	 * @return bool
	 */
	public function is_match( $post_id ) {
		$page = get_page_by_path( self::SLUG );
		return $page && (int) $page->ID === (int) $post_id;
	}

	/**
	 * Creates the base page as civicrm-wordpress does on the first admin page
	 * after activation.
	 *
	 * @return bool
	 */
	public function create_wp_basepage() {
		if ( ! get_page_by_path( self::SLUG ) ) {
			$page_id = wp_insert_post(
				array(
					'post_type'    => 'page',
					'post_status'  => 'publish',
					'post_title'   => 'CiviCRM',
					'post_name'    => self::SLUG,
					'post_content' => '',
				)
			);
			if ( ! is_int( $page_id ) || $page_id <= 0 ) {
				return false;
			}
		}
		// Core builds front-end URLs from the page this setting names.
		if ( ! civicrm_initialize() ) {
			return false;
		}
		\Civi::settings()->set( 'wpBasePage', self::SLUG );
		return true;
	}
}

/**
 * Keeps WordPress users and CiviCRM contacts linked.
 */
final class CiviCRM_Core_Bridge_Users {

	/**
	 * Makes or updates the user's contact and UFMatch row.
	 *
	 * @param int $user_id User ID.
	 */
	public function update_user( $user_id ) {
		$user = get_userdata( (int) $user_id );
		if ( $user && civicrm_initialize() ) {
			CRM_Core_BAO_UFMatch::synchronize( $user, true, 'WordPress', 'Individual' );
		}
	}

	/**
	 * Removes a deleted user's UFMatch row.
	 *
	 * @param int $user_id User ID.
	 */
	public function delete_user_ufmatch( $user_id ) {
		if ( civicrm_initialize() ) {
			CRM_Core_BAO_UFMatch::deleteUser( (int) $user_id );
		}
	}

	/**
	 * The capabilities civicrm-wordpress gives on activation.
	 */
	public function activate() {
		$minimum = array( 'access_all_custom_data', 'access_civimail_subscribe_unsubscribe_pages', 'access_uploaded_files', 'make_online_contributions', 'profile_create', 'profile_edit', 'profile_view', 'register_for_events', 'sign_civicrm_petition', 'view_event_info', 'view_my_invoices', 'view_public_civimail_content' );
		$roles   = wp_roles();
		foreach ( array_keys( $roles->role_names ) as $role_name ) {
			$role = $roles->get_role( $role_name );
			foreach ( $minimum as $capability ) {
				if ( $role && ! $role->has_cap( $capability ) ) {
					$role->add_cap( $capability );
				}
			}
		}
		if ( ! $roles->is_role( 'anonymous_user' ) ) {
			add_role( 'anonymous_user', 'Anonymous User', array_fill_keys( $minimum, true ) );
		}
		$administrator = $roles->get_role( 'administrator' );
		if ( $administrator && ! $administrator->has_cap( 'access_civicrm' ) ) {
			$administrator->add_cap( 'access_civicrm' );
		}
	}
}

/**
 * What civi_wp() answers.
 */
final class CiviCRM_Core_Bridge {

	/**
	 * Base page.
	 *
	 * @var CiviCRM_Core_Bridge_Basepage
	 */
	public $basepage;

	/**
	 * User sync.
	 *
	 * @var CiviCRM_Core_Bridge_Users
	 */
	public $users;

	/**
	 * Breadcrumb markup core hands to WordPress (wp_set_breadcrumb()).
	 *
	 * @var mixed
	 */
	public $breadcrumb;

	/**
	 * The instance.
	 *
	 * @var CiviCRM_Core_Bridge|null
	 */
	private static $instance;

	/**
	 * Whether CiviCRM initialised (null: not tried yet).
	 *
	 * @var bool|null
	 */
	private $initialized;

	/**
	 * The instance.
	 *
	 * @return CiviCRM_Core_Bridge
	 */
	public static function instance() {
		if ( ! self::$instance ) {
			self::$instance = new self();
		}
		return self::$instance;
	}

	/**
	 * Parts.
	 */
	private function __construct() {
		$this->basepage = new CiviCRM_Core_Bridge_Basepage();
		$this->users    = new CiviCRM_Core_Bridge_Users();
	}

	/**
	 * Where CiviCRM is shown.
	 *
	 * @return string
	 */
	public function civicrm_context_get() {
		return is_admin() ? 'admin' : 'basepage';
	}

	/**
	 * Boots CiviCRM once, as civicrm-wordpress's initialize() does.
	 *
	 * @return bool
	 */
	public function initialize() {
		if ( null !== $this->initialized ) {
			return $this->initialized;
		}
		if ( ! CIVICRM_INSTALLED ) {
			$this->initialized = false;
			return false;
		}
		include_once CIVICRM_SETTINGS_PATH;
		global $civicrm_root;
		require_once $civicrm_root . 'CRM/Core/ClassLoader.php';
		CRM_Core_ClassLoader::singleton()->register();
		require_once 'CRM/Core/Config.php';
		CRM_Core_Config::singleton();
		$this->initialized = true;
		$user              = wp_get_current_user();
		if ( $user->exists() ) {
			CRM_Core_BAO_UFMatch::synchronize( $user, false, 'WordPress', 'Individual' );
		}
		do_action( 'civicrm_initialized' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- civicrm-wordpress's hook.
		return true;
	}

	/**
	 * Runs a front-end CiviCRM page (e.g. civicrm/authx/id) and stops.
	 *
	 * @param WP $wp The request.
	 */
	public function route( $wp ) {
		// phpcs:disable WordPress.Security.NonceVerification.Recommended -- CiviCRM's own router checks what each page needs.
		if ( isset( $_GET['civiwp'] ) && 'CiviCRM' === $_GET['civiwp'] ) {
			$path = trim( sanitize_text_field( wp_unslash( (string) ( $_GET['q'] ?? '' ) ) ), '/' );
		} elseif ( preg_match( '#^' . CiviCRM_Core_Bridge_Basepage::SLUG . '/(.+)$#', (string) $wp->request, $match ) ) {
			$path = 'civicrm/' . trim( $match[1], '/' );
		} else {
			return;
		}
		// phpcs:enable
		if ( 0 !== strpos( $path, 'civicrm/' ) || ! $this->initialize() ) {
			return;
		}
		// Core's pages read their path from q (CRM_Utils_System::currentPath(),
		// e.g. civicrm/ajax/api4/Contact/get); civicrm-wordpress puts a clean
		// URL's path there the same way (civicrm.php).
		// WordPress slashed the request's superglobals (wp_magic_quotes());
		// core reads them raw, e.g. the JSON in params (civicrm-wordpress
		// civicrm.php invoke() -> remove_wp_magic_quotes()).
		// phpcs:disable WordPress.Security.NonceVerification -- AuthX and core check each request.
		$_GET     = stripslashes_deep( $_GET );
		$_POST    = stripslashes_deep( $_POST );
		$_COOKIE  = stripslashes_deep( $_COOKIE );
		$_REQUEST = stripslashes_deep( $_REQUEST );
		// phpcs:enable

		$_REQUEST['q']      = $path;
		$_GET['q']          = $path;
		$_REQUEST['civiwp'] = 'CiviCRM';
		$_GET['civiwp']     = 'CiviCRM';
		CRM_Core_Invoke::invoke( explode( '/', $path ) );
		exit;
	}
}

/**
 * The bridge, under civicrm-wordpress's name (core calls it).
 *
 * @return CiviCRM_Core_Bridge
 */
function civi_wp() {
	return CiviCRM_Core_Bridge::instance();
}

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- civicrm-wordpress's names, which core calls.
/**
 * The breadcrumb core built; core's appendBreadCrumb() calls it on every page
 * it runs, civicrm/ajax/api4 included (civicrm-wordpress
 * includes/civicrm.functions.php; CRM/Utils/System/WordPress.php).
 *
 * @return mixed
 */
function wp_get_breadcrumb() {
	return civi_wp()->breadcrumb;
}

/**
 * Keeps the breadcrumb core built (civicrm-wordpress includes/civicrm.functions.php).
 *
 * @param mixed $breadcrumb Breadcrumb markup.
 * @return mixed
 */
function wp_set_breadcrumb( $breadcrumb ) {
	civi_wp()->breadcrumb = $breadcrumb;
	return $breadcrumb;
}
// phpcs:enable WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound

/**
 * Boots CiviCRM, as civicrm-wordpress's function of that name.
 *
 * @return bool
 */
function civicrm_initialize() {
	return civi_wp()->initialize();
}

register_activation_hook( __FILE__, array( civi_wp()->users, 'activate' ) );
if ( CIVICRM_INSTALLED ) {
	add_action( 'user_register', array( civi_wp()->users, 'update_user' ) );
	add_action( 'profile_update', array( civi_wp()->users, 'update_user' ) );
	add_action( 'deleted_user', array( civi_wp()->users, 'delete_user_ufmatch' ) );
	add_action( 'parse_request', array( civi_wp(), 'route' ) );
	// civicrm-wordpress starts CiviCRM on every request once installed
	// (civicrm.php: init -> register_hooks() -> register_hooks_common() ->
	// register_hooks_clean_urls() -> initialize()). So a CiviCRM database
	// that is down ends every request in CiviCRM's boot, before other plugins run.
	add_action( 'init', 'civicrm_initialize' );
}

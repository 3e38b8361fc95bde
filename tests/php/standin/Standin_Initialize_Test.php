<?php
/**
 * Initialisation, constants and version.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Standin;

require_once __DIR__ . '/class-standin-test-case.php';

/**
 * How the stand-in comes up.
 */
class Standin_Initialize_Test extends Standin_Test_Case {

	/**
	 * Initialize returns true and is repeatable.
	 *
	 * @see civicrm-wordpress includes/civicrm.admin.php initialize() (returns TRUE when installed)
	 */
	public function test_initialize_returns_true_and_is_repeatable() {
		$this->assertTrue( civicrm_initialize() );
		$this->assertTrue( civicrm_initialize() );
	}

	/**
	 * Civicrm installed is true in ready mode.
	 *
	 * @see civicrm-wordpress civicrm.php (CIVICRM_INSTALLED is TRUE when the settings file exists)
	 */
	public function test_civicrm_installed_is_true_in_ready_mode() {
		$this->assertTrue( CIVICRM_INSTALLED );
	}

	/**
	 * The dev and test configs define CIVIKEY_STANDIN_SITE_KEY; it becomes CIVICRM_SITE_KEY.
	 *
	 * @see civicrm-core templates/CRM/common/civicrm.settings.php.template (CIVICRM_SITE_KEY)
	 */
	public function test_site_key_comes_from_the_standin_constant() {
		$this->assertTrue( defined( 'CIVICRM_SITE_KEY' ) );
		$this->assertSame( CIVIKEY_STANDIN_SITE_KEY, CIVICRM_SITE_KEY );
	}

	/**
	 * The CiviCRM plugin initialises CiviCRM on `init`, so the API exists by the time plugins run.
	 *
	 * @see civicrm-wordpress civicrm.php register_hooks_clean_urls()
	 * @see civicrm-core CRM/Core/Config.php (require_once 'api/api.php')
	 */
	public function test_api_and_classes_exist_after_init() {
		$this->assertTrue( did_action( 'init' ) > 0 );
		$this->assertTrue( function_exists( 'civicrm_api4' ) );
		$this->assertTrue( class_exists( 'CRM_Core_Exception' ) );
		$this->assertTrue( class_exists( 'Civi\\Api4\\Generic\\Result' ) );
	}

	/**
	 * The version is a release with AuthX (5.36 or later).
	 *
	 * @see civicrm-core CRM/Utils/System.php version()
	 */
	public function test_version_has_authx() {
		$this->assertMatchesRegularExpression( '/^\d+\.\d+\.\d+/', \CRM_Utils_System::version() );
		$this->assertTrue( version_compare( \CRM_Utils_System::version(), '5.36', '>=' ) );
	}

	/**
	 * The stand-in's version is the core release it imitates, marked.
	 *
	 * @group standin-only
	 */
	public function test_version_is_a_marked_core_version() {
		$this->assertSame( '6.20.0-standin', \CRM_Utils_System::version() );
	}

	/**
	 * The CiviCRM plugin creates the anonymous_user role with the minimum capabilities.
	 *
	 * @see civicrm-wordpress includes/civicrm.users.php set_wp_user_capabilities()
	 */
	public function test_anonymous_user_role_exists() {
		$role = get_role( 'anonymous_user' );
		$this->assertNotNull( $role );
		// civicrm-wordpress grants them with the value 1.
		$this->assertArrayHasKey( 'profile_view', $role->capabilities );
		$this->assertArrayNotHasKey( 'authenticate_with_api_key', $role->capabilities );
	}

	/**
	 * Front-end URLs on the base page; admin URLs through admin.php?page=CiviCRM.
	 * The static wrapper's fifth parameter is $htmlize.
	 *
	 * @see civicrm-core CRM/Utils/System.php url()
	 * @see civicrm-core CRM/Utils/System/WordPress.php url()
	 */
	public function test_front_end_and_admin_urls() {
		$front = \CRM_Utils_System::url( 'civicrm/ajax/api4/Contact/get', null, true, null, false, true );
		$admin = \CRM_Utils_System::url( 'civicrm/ajax/api4/Contact/get', 'reset=1', true, null, true, false, true );

		$this->assertSame( home_url( '/civicrm/ajax/api4/Contact/get/' ), $front );
		$this->assertSame( admin_url( 'admin.php' ) . '?page=CiviCRM&amp;q=civicrm%2Fajax%2Fapi4%2FContact%2Fget&amp;reset=1', $admin );
	}
}

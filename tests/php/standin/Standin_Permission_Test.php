<?php
/**
 * CiviCRM permissions on WordPress.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Standin;

require_once __DIR__ . '/class-standin-test-case.php';

/**
 * CRM_Core_Permission::check() as it runs on WordPress.
 */
class Standin_Permission_Test extends Standin_Test_Case {

	/**
	 * Lower-case, every run of non-alphanumerics becomes `_`.
	 *
	 * @see civicrm-core CRM/Core/Permission/WordPress.php check()
	 * @see civicrm-core CRM/Utils/String.php munge()
	 */
	public function test_permission_names_map_to_capabilities() {
		$names = array(
			'access AJAX API'           => 'access_ajax_api',
			'administer CiviCRM'        => 'administer_civicrm',
			'authenticate with api key' => 'authenticate_with_api_key',
			'edit api keys'             => 'edit_api_keys',
		);
		foreach ( $names as $permission => $capability ) {
			$this->login_as( $this->user_with( array( $capability ) ) );
			$this->assertTrue( \CRM_Core_Permission::check( $permission ), $permission );
		}
	}

	/**
	 * A user gets a permission through the capability on their role.
	 *
	 * @see civicrm-core CRM/Core/Permission/WordPress.php check()
	 */
	public function test_capability_grants_the_permission() {
		$this->login_as( $this->user_with( array( 'edit_api_keys' ) ) );

		$this->assertTrue( \CRM_Core_Permission::check( 'edit api keys' ) );
		$this->assertFalse( \CRM_Core_Permission::check( 'administer CiviCRM' ) );
	}

	/**
	 * Administrators have every permission, even ones no role names.
	 *
	 * @see civicrm-core CRM/Core/Permission/WordPress.php check() ("for administrators give them all permissions")
	 */
	public function test_administrators_have_everything() {
		$this->login_as( self::factory_user( 'administrator' ) );

		$this->assertTrue( \CRM_Core_Permission::check( 'authenticate with api key' ) );
		$this->assertTrue( \CRM_Core_Permission::check( 'some permission nobody granted' ) );
	}

	/**
	 * Anonymous visitors get the anonymous_user role's capabilities.
	 *
	 * @see civicrm-core CRM/Core/Permission/WordPress.php check() ("check the capabilities of Anonymous user")
	 */
	public function test_anonymous_uses_the_anonymous_user_role() {
		$this->login_as( 0 );
		$this->assertTrue( \CRM_Core_Permission::check( 'profile view' ) );
		$this->assertFalse( \CRM_Core_Permission::check( 'authenticate with api key' ) );

		get_role( 'anonymous_user' )->add_cap( 'authenticate_with_api_key' );
		$this->assertTrue( \CRM_Core_Permission::check( 'authenticate with api key' ) );
	}

	/**
	 * Implied permissions: 'edit api keys' implies 'edit own api keys';
	 * 'administer CiviCRM' implies 'access CiviCRM'; 'all CiviCRM permissions
	 * and ACLs' implies every CiviCRM permission.
	 *
	 * @see civicrm-core CRM/Core/Permission.php getImpliedBy(), getCoreAndComponentPermissions() ('implies')
	 */
	public function test_implied_permissions() {
		$this->login_as( $this->user_with( array( 'edit_api_keys', 'administer_civicrm' ) ) );
		$this->assertTrue( \CRM_Core_Permission::check( 'edit own api keys' ) );
		$this->assertTrue( \CRM_Core_Permission::check( 'access CiviCRM' ) );

		$this->login_as( $this->user_with( array( 'all_civicrm_permissions_and_acls' ) ) );
		$this->assertTrue( \CRM_Core_Permission::check( 'authenticate with api key' ) );
		$this->assertFalse( \CRM_Core_Permission::check( 'manage_options' ) );
	}

	/**
	 * Arrays: every element must pass; a nested array passes when any member does.
	 *
	 * @see civicrm-core CRM/Core/Permission.php check()
	 */
	public function test_and_of_ors() {
		$this->login_as( $this->user_with( array( 'access_civicrm', 'edit_api_keys' ) ) );

		$this->assertTrue( \CRM_Core_Permission::check( array( 'access CiviCRM', array( 'administer CiviCRM', 'edit api keys' ) ) ) );
		$this->assertFalse( \CRM_Core_Permission::check( array( 'access CiviCRM', 'administer CiviCRM' ) ) );
	}

	/**
	 * Checking for a contact uses that contact's user — or, when the contact
	 * has no user, the CURRENT user. Never judge another contact with it.
	 *
	 * @see civicrm-core CRM/Core/Permission.php check() (getUFId($contactId))
	 * @see civicrm-core CRM/Core/Permission/WordPress.php check() ($userId ? get_userdata() : wp_get_current_user())
	 */
	public function test_contact_without_user_is_judged_as_the_current_user() {
		$linked   = $this->civicrm_contact();
		$unlinked = $this->civicrm_contact();
		$this->link_contact_to_user( $linked, $this->user_with( array() ) );
		$this->login_as( self::factory_user( 'administrator' ) );

		$this->assertFalse( \CRM_Core_Permission::check( 'authenticate with api key', $linked ) );
		$this->assertTrue( \CRM_Core_Permission::check( 'authenticate with api key', $unlinked ) );
	}

	/**
	 * 'WordPress:' names a capability directly; unknown prefixes are denied.
	 *
	 * @see civicrm-core CRM/Core/Permission/Base.php translatePermission()
	 */
	public function test_prefixes() {
		$this->login_as( self::factory_user( 'editor' ) );

		$this->assertTrue( \CRM_Core_Permission::check( 'WordPress:edit_others_posts' ) );
		$this->assertFalse( \CRM_Core_Permission::check( 'Drupal:edit_others_posts' ) );
	}
}

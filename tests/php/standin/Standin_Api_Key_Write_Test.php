<?php
/**
 * Writing api_key.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Standin;

require_once __DIR__ . '/class-standin-test-case.php';

/**
 * Who may set or clear a key, and what happens to a key that does not fit.
 *
 * @see civicrm-core CRM/Contact/BAO/Contact.php create() ("Permission denied to modify api key")
 * @see civicrm-core Civi/Api4/Action/Contact/ContactSaveTrait.php getUnpermittedFields()
 */
class Standin_Api_Key_Write_Test extends Standin_Test_Case {

	/**
	 * Sets a key with permissions on.
	 *
	 * @param int         $contact_id Contact.
	 * @param string|null $key        Key (NULL revokes).
	 * @return \Civi\Api4\Generic\Result
	 */
	private function set_key( int $contact_id, ?string $key ) {
		return civicrm_api4(
			'Contact',
			'update',
			array(
				'where'  => array( array( 'id', '=', $contact_id ) ),
				'values' => array( 'api_key' => $key ),
			)
		);
	}

	/**
	 * WordPress administrators have every CiviCRM permission.
	 *
	 * @see civicrm-core CRM/Core/Permission/WordPress.php check() (administrator / super admin)
	 */
	public function test_administrator_sets_and_revokes_a_key() {
		$id  = $this->civicrm_contact();
		$key = self::key();
		$this->login_as( self::factory_user( 'administrator' ) );

		$result = $this->set_key( $id, $key );
		$this->assertSame( $key, $result->first()['api_key'] );
		$this->assertSame( $key, $this->raw_contact( $id, array( 'api_key' ) )['api_key'] );

		$this->set_key( $id, null );
		$this->assertNull( $this->raw_contact( $id, array( 'api_key' ) )['api_key'] );
	}

	/**
	 * 'edit api keys' is enough to write keys — on contacts the user may edit.
	 *
	 * @see civicrm-core CRM/Contact/BAO/Contact.php create()
	 */
	public function test_edit_api_keys_with_edit_all_contacts_may_set_keys() {
		$id  = $this->civicrm_contact();
		$key = self::key();
		$this->login_as( $this->user_with( array( 'access_civicrm', 'edit_all_contacts', 'edit_api_keys' ) ) );

		$this->set_key( $id, $key );

		$this->assertSame( $key, $this->raw_contact( $id, array( 'api_key' ) )['api_key'] );
	}

	/**
	 * Editing the contact needs edit access first: 'edit api keys' alone
	 * fails the row-level check.
	 *
	 * @see civicrm-core Civi/Api4/Generic/AbstractUpdateAction.php _run() ("ACL check failed")
	 * @see civicrm-core CRM/Contact/BAO/Contact/Permission.php allow()
	 */
	public function test_edit_api_keys_without_edit_access_fails_the_acl_check() {
		$id = $this->civicrm_contact();
		$this->login_as( $this->user_with( array( 'access_civicrm', 'edit_api_keys' ) ) );

		$this->assertThrowsExactly( 'Civi\\API\\Exception\\UnauthorizedException', 'ACL check failed', fn() => $this->set_key( $id, self::key() ) );
	}

	/**
	 * A user who may edit the contact but not keys is refused, for setting
	 * and for revoking alike (APIv4 turns NULL into '', which counts as a value).
	 *
	 * @see civicrm-core CRM/Contact/BAO/Contact.php create()
	 * @see civicrm-core Civi/Api4/Utils/FormattingUtil.php formatWriteParams() (NULL becomes '')
	 */
	public function test_without_permission_setting_and_revoking_are_refused() {
		$key = self::key();
		$id  = $this->civicrm_contact( array( 'api_key' => $key ) );
		$this->login_as( $this->user_with( array( 'access_civicrm', 'edit_all_contacts' ) ) );

		$error = $this->assertThrowsExactly( 'Civi\\API\\Exception\\UnauthorizedException', 'Permission denied to modify api key', fn() => $this->set_key( $id, self::key() ) );
		$this->assertInstanceOf( \CRM_Core_Exception::class, $error );
		$this->assertSame( 'unauthorized', $error->getErrorCode() );
		$this->assertThrowsExactly( 'Civi\\API\\Exception\\UnauthorizedException', 'Permission denied to modify api key', fn() => $this->set_key( $id, null ) );
		$this->assertSame( $key, $this->raw_contact( $id, array( 'api_key' ) )['api_key'] );
	}

	/**
	 * 'edit own api keys' covers the user's own contact (found through UFMatch) only.
	 *
	 * @see civicrm-core CRM/Contact/BAO/Contact.php create() ($isEdit && 'edit own api keys' && contact_id == logged-in contact)
	 */
	public function test_edit_own_api_keys_covers_only_the_own_contact() {
		$mine  = $this->civicrm_contact();
		$other = $this->civicrm_contact();
		$user  = $this->user_with( array( 'access_civicrm', 'edit_all_contacts', 'edit_own_api_keys' ) );
		$this->link_contact_to_user( $mine, $user );
		$this->login_as( $user );
		$key = self::key();

		$this->set_key( $mine, $key );
		$this->assertSame( $key, $this->raw_contact( $mine, array( 'api_key' ) )['api_key'] );
		$this->assertThrowsExactly( 'Civi\\API\\Exception\\UnauthorizedException', 'Permission denied to modify api key', fn() => $this->set_key( $other, self::key() ) );
	}

	/**
	 * On create, 'edit own api keys' never helps.
	 *
	 * @see civicrm-core CRM/Contact/BAO/Contact.php create() ($isEdit is FALSE)
	 */
	public function test_create_with_a_key_needs_edit_api_keys() {
		$this->login_as( $this->user_with( array( 'access_civicrm', 'add_contacts', 'edit_own_api_keys' ) ) );

		$this->assertThrowsExactly(
			'Civi\\API\\Exception\\UnauthorizedException',
			'Permission denied to modify api key',
			static fn() => civicrm_api4(
				'Contact',
				'create',
				array(
					'values' => array(
						'first_name' => 'Keyed',
						'api_key'    => self::key(),
					),
				)
			)
		);
	}

	/**
	 * With no logged-in contact (here: a user with no UFMatch) and no
	 * permission, api_key is silently removed from the values: the update
	 * "succeeds" and the key does not change.
	 *
	 * @see civicrm-core Civi/Api4/Action/Contact/ContactSaveTrait.php getUnpermittedFields()
	 * @see civicrm-core Civi/Api4/Generic/Traits/DAOActionTrait.php filterUnpermittedFields()
	 *
	 * @group standin-only
	 */
	public function test_without_a_logged_in_contact_the_key_is_silently_dropped() {
		update_option( 'civicrm_standin_sync_users', 'no' );
		$id = $this->civicrm_contact();
		$this->login_as( $this->user_with( array( 'access_civicrm', 'edit_all_contacts' ) ) );
		$this->assertNull( \CRM_Core_Session::getLoggedInContactID() );

		$result = $this->set_key( $id, self::key() );

		$this->assertSame( 1, $result->count() );
		$this->assertArrayNotHasKey( 'api_key', $result->first() );
		$this->assertNull( $this->raw_contact( $id, array( 'api_key' ) )['api_key'] );
	}

	/**
	 * The api_key column is varchar(32), and APIv4 checks no lengths: a
	 * longer key is not refused but silently cut to 29 characters + "...",
	 * with permission checks on or off. (Core also logs the whole key as a
	 * warning.) So a caller must check the length itself.
	 *
	 * @see civicrm-core schema/Contact/Contact.entityType.php (varchar(32))
	 * @see civicrm-core CRM/Core/DAO.php copyValues() ("has been truncated")
	 * @see civicrm-core CRM/Utils/String.php ellipsify()
	 */
	public function test_a_key_longer_than_32_characters_is_cut_with_an_ellipsis() {
		$id = $this->civicrm_contact();
		$this->login_as( self::factory_user( 'administrator' ) );

		$result = $this->set_key( $id, str_repeat( 'k', 33 ) );

		$this->assertSame( str_repeat( 'k', 29 ) . '...', $result->first()['api_key'] );
		$this->assertSame( str_repeat( 'k', 29 ) . '...', $this->raw_contact( $id, array( 'api_key' ) )['api_key'] );

		civicrm_api4(
			'Contact',
			'update',
			array(
				'where'            => array( array( 'id', '=', $id ) ),
				'values'           => array( 'api_key' => str_repeat( 'abcdefgh', 8 ) ),
				'checkPermissions' => false,
			)
		);
		$this->assertSame( 'abcdefghabcdefghabcdefghabcde...', $this->raw_contact( $id, array( 'api_key' ) )['api_key'] );
	}

	/**
	 * NULL and '' both clear the key (SQL NULL).
	 *
	 * @see civicrm-core Civi/Api4/Utils/FormattingUtil.php formatWriteParams() (NULL becomes '')
	 * @see civicrm-core CRM/Core/DAO.php copyValues() ('' stores NULL)
	 */
	public function test_null_and_empty_string_both_clear_the_key() {
		foreach ( array( null, '' ) as $empty ) {
			$id = $this->civicrm_contact( array( 'api_key' => self::key() ) );
			civicrm_api4(
				'Contact',
				'update',
				array(
					'where'            => array( array( 'id', '=', $id ) ),
					'values'           => array( 'api_key' => $empty ),
					'checkPermissions' => false,
				)
			);
			$this->assertNull( $this->raw_contact( $id, array( 'api_key' ) )['api_key'] );
		}
	}

	/**
	 * With checkPermissions FALSE every rule is skipped.
	 *
	 * @see civicrm-core Civi/Api4/Event/Subscriber/PermissionCheckSubscriber.php
	 */
	public function test_check_permissions_false_skips_the_rules() {
		$id  = $this->civicrm_contact();
		$key = self::key();
		$this->login_as( 0 );

		civicrm_api4(
			'Contact',
			'update',
			array(
				'where'            => array( array( 'id', '=', $id ) ),
				'values'           => array( 'api_key' => $key ),
				'checkPermissions' => false,
			)
		);

		$this->assertSame( $key, $this->raw_contact( $id, array( 'api_key' ) )['api_key'] );
	}
}

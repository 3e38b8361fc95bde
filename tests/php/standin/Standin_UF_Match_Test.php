<?php
/**
 * UFMatch and user synchronisation.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Standin;

require_once __DIR__ . '/class-standin-test-case.php';

/**
 * Contact <-> WordPress user links.
 */
class Standin_UF_Match_Test extends Standin_Test_Case {

	/**
	 * UFMatch declares no permissions of its own: 'administer CiviCRM'.
	 *
	 * @see civicrm-core Civi/Api4/UFMatch.php (no permissions())
	 * @see civicrm-core CRM/Core/Permission.php getEntityActionPermissions() ($permissions['default'])
	 */
	public function test_get_needs_administer_civicrm() {
		$this->login_as( $this->user_with( array( 'access_civicrm', 'view_all_contacts' ) ) );

		$this->assertThrowsExactly(
			'Civi\\API\\Exception\\UnauthorizedException',
			'Authorization failed: CiviCRM APIv4 (UFMatch::get)',
			static fn() => civicrm_api4( 'UFMatch', 'get' )
		);
	}

	/**
	 * A new WordPress user gets a contact and a link, like civicrm-wordpress's sync.
	 *
	 * @see civicrm-wordpress includes/civicrm.users.php update_user(), sync_user()
	 * @see civicrm-core CRM/Core/BAO/UFMatch.php synchronizeUFMatch()
	 */
	public function test_new_users_are_synchronised() {
		$user = self::factory_user(
			'subscriber',
			array(
				'first_name' => 'Grace',
				'last_name'  => 'Hopper',
			)
		);

		$match = civicrm_api4(
			'UFMatch',
			'get',
			array(
				'where'            => array( array( 'uf_id', '=', $user ) ),
				'checkPermissions' => false,
			)
		)->single();
		$this->assertSame( get_userdata( $user )->user_email, $match['uf_name'] );
		$this->assertSame( 'Grace Hopper', $this->raw_contact( $match['contact_id'], array( 'display_name' ) )['display_name'] );
	}

	/**
	 * The sync can be switched off, to test users without a contact.
	 *
	 * @group standin-only
	 */
	public function test_sync_switch() {
		update_option( 'civicrm_standin_sync_users', 'no' );
		$user = self::factory_user( 'subscriber' );
		$this->login_as( $user );

		$this->assertNull( \CRM_Core_Session::getLoggedInContactID() );
	}

	/**
	 * Deleting the user deletes the link, not the contact.
	 *
	 * @see civicrm-core CRM/Core/BAO/UFMatch.php deleteUser()
	 */
	public function test_deleting_the_user_removes_the_link() {
		require_once ABSPATH . 'wp-admin/includes/user.php';
		$user    = self::factory_user( 'subscriber' );
		$contact = civicrm_api4(
			'UFMatch',
			'get',
			array(
				'where'            => array( array( 'uf_id', '=', $user ) ),
				'checkPermissions' => false,
			)
		)->single()['contact_id'];
		$this->track_contact( $contact );

		wp_delete_user( $user );

		$this->assertSame(
			0,
			civicrm_api4(
				'UFMatch',
				'get',
				array(
					'where'            => array( array( 'uf_id', '=', $user ) ),
					'checkPermissions' => false,
				)
			)->count()
		);
		$this->assertNotNull( $this->raw_contact( $contact ) );
	}

	/**
	 * One link per contact and per uf_name in a domain; a duplicate is a
	 * database error, "DB Error: already exists".
	 *
	 * @see civicrm-core schema/Core/UFMatch.entityType.php (UI_contact_domain_id, UI_uf_name_domain_id unique)
	 * @see pear/db DB/mysqli.php $errorcode_map (1062 => DB_ERROR_ALREADY_EXISTS)
	 */
	public function test_a_second_link_for_a_contact_is_refused() {
		$contact = $this->civicrm_contact();
		$first   = $this->user_with( array() );
		$this->link_contact_to_user( $contact, $first );
		$second = $this->user_with( array() );
		civicrm_api4(
			'UFMatch',
			'delete',
			array(
				'where'            => array( array( 'uf_id', '=', $second ) ),
				'checkPermissions' => false,
			)
		);

		$this->assertThrowsExactly(
			'Civi\\Core\\Exception\\DBQueryException',
			'DB Error: already exists',
			static fn() => civicrm_api4(
				'UFMatch',
				'create',
				array(
					'values'           => array(
						'contact_id' => $contact,
						'uf_id'      => $second,
					),
					'checkPermissions' => false,
				)
			)
		);
	}

	/**
	 * Nothing checks that the WordPress user exists: a link to a user id that
	 * does not exist is stored.
	 *
	 * @see civicrm-core CRM/Core/BAO/UFMatch.php create()
	 */
	public function test_a_link_to_a_missing_user_is_accepted() {
		$contact = $this->civicrm_contact();
		$missing = 2000000000 + wp_rand( 0, 1000000 );

		$match = civicrm_api4(
			'UFMatch',
			'create',
			array(
				'values'           => array(
					'contact_id' => $contact,
					'uf_id'      => $missing,
					'uf_name'    => 'missing-' . $missing . '@example.org',
				),
				'checkPermissions' => false,
			)
		)->single();

		$this->assertSame( $missing, $match['uf_id'] );
		$this->assertSame( $contact, $match['contact_id'] );
		civicrm_api4(
			'UFMatch',
			'delete',
			array(
				'where'            => array( array( 'id', '=', $match['id'] ) ),
				'checkPermissions' => false,
			)
		);
	}

	/**
	 * What getFields says a create needs: only uf_id; domain_id is filled in
	 * (default callback), so neither required nor given a default value.
	 *
	 * @see civicrm-core Civi/Api4/Service/Spec/SpecFormatter.php arrayToField() (setRequired)
	 * @see civicrm-core schema/Core/UFMatch.entityType.php (domain_id default_callback)
	 */
	public function test_get_fields_for_create() {
		$fields = civicrm_api4(
			'UFMatch',
			'getFields',
			array(
				'action'           => 'create',
				'select'           => array( 'name', 'required', 'data_type', 'fk_entity', 'default_value' ),
				'checkPermissions' => false,
			)
		)->indexBy( 'name' );

		$this->assertSame( array( 'uf_id' ), array_keys( array_filter( $fields->column( 'required', 'name' ) ) ) );
		$this->assertNull( $fields['domain_id']['default_value'] );
		$this->assertSame( 'Domain', $fields['domain_id']['fk_entity'] );
		$this->assertSame( 'Contact', $fields['contact_id']['fk_entity'] );
		$this->assertSame( 'Integer', $fields['uf_id']['data_type'] );
	}

	/**
	 * The uf_id is required; domain_id defaults to the current domain.
	 *
	 * @see civicrm-core schema/Core/UFMatch.entityType.php (uf_id required, domain_id default_callback)
	 */
	public function test_create_needs_uf_id() {
		$this->assertThrowsExactly(
			'CRM_Core_Exception',
			'Mandatory values missing from Api4 UFMatch::create: uf_id',
			static fn() => civicrm_api4(
				'UFMatch',
				'create',
				array(
					'values'           => array( 'contact_id' => 1 ),
					'checkPermissions' => false,
				)
			)
		);
	}
}

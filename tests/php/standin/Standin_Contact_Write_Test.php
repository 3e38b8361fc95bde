<?php
/**
 * Contact create, update and delete.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Standin;

require_once __DIR__ . '/class-standin-test-case.php';

/**
 * Writes to contacts.
 */
class Standin_Contact_Write_Test extends Standin_Test_Case {

	/**
	 * Display and sort names from the default name formats, filled with the
	 * names as given: the name columns are stored trimmed, but the padding
	 * survives inside the computed names (only their ends are trimmed).
	 *
	 * @see civicrm-core CRM/Contact/BAO/Individual.php format()
	 * @see civicrm-core Civi/Token/TokenCompatSubscriber.php renderConditionalPunctuation()
	 * @see civicrm-core settings/Core.setting.php display_name_format, sort_name_format
	 * @see civicrm-core CRM/Core/DAO.php copyValues() (Text inputs trimmed)
	 */
	public function test_individual_names_are_computed() {
		$id = $this->civicrm_contact(
			array(
				'first_name' => ' Ada ',
				'last_name'  => 'Lovelace',
			)
		);

		$row = $this->raw_contact( $id, array( 'first_name', 'display_name', 'sort_name', 'contact_type', 'hash', 'created_date' ) );

		$this->assertSame( 'Ada', $row['first_name'] );
		$this->assertSame( 'Ada  Lovelace', $row['display_name'] );
		$this->assertSame( 'Lovelace,  Ada', $row['sort_name'] );
		$this->assertSame( 'Individual', $row['contact_type'] );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{32}$/', $row['hash'] );
		$this->assertNotNull( $row['created_date'] );
	}

	/**
	 * One name alone, without separators.
	 *
	 * @see civicrm-core Civi/Token/TokenCompatSubscriber.php renderConditionalPunctuation()
	 */
	public function test_one_name_alone_has_no_separator() {
		$first = $this->civicrm_contact(
			array(
				'first_name' => 'Ada',
				'last_name'  => null,
			)
		);
		$last  = $this->civicrm_contact(
			array(
				'first_name' => '  ',
				'last_name'  => 'Lovelace',
			)
		);

		$this->assertSame(
			array(
				'display_name' => 'Ada',
				'sort_name'    => 'Ada',
			),
			array_intersect_key( $this->raw_contact( $first ), array_flip( array( 'display_name', 'sort_name' ) ) )
		);
		$this->assertSame(
			array(
				'display_name' => 'Lovelace',
				'sort_name'    => 'Lovelace',
			),
			array_intersect_key( $this->raw_contact( $last ), array_flip( array( 'display_name', 'sort_name' ) ) )
		);
	}

	/**
	 * Names longer than their columns are cut with an ellipsis (first and
	 * last names: 64), while the display name is built from the whole names
	 * and cut at 128 without one.
	 *
	 * @see civicrm-core CRM/Core/DAO.php copyValues() ("has been truncated")
	 * @see civicrm-core CRM/Contact/BAO/Contact.php add() (display_name and sort_name cut at 128)
	 */
	public function test_long_names_are_cut() {
		$long = str_repeat( 'x', 70 );
		$id   = $this->civicrm_contact(
			array(
				'first_name' => 'Ada',
				'last_name'  => $long,
			)
		);

		$row = $this->raw_contact( $id, array( 'last_name', 'display_name' ) );
		$this->assertSame( str_repeat( 'x', 61 ) . '...', $row['last_name'] );
		$this->assertSame( 'Ada ' . $long, $row['display_name'] );

		$longer = $this->civicrm_contact(
			array(
				'first_name' => str_repeat( 'a', 64 ),
				'last_name'  => str_repeat( 'b', 64 ),
			)
		);
		$this->assertSame( str_repeat( 'a', 64 ) . ' ' . str_repeat( 'b', 63 ), $this->raw_contact( $longer, array( 'display_name' ) )['display_name'] );
	}

	/**
	 * A nameless Individual is named after its email.
	 *
	 * @see civicrm-core CRM/Contact/BAO/Individual.php format() (email fallback)
	 */
	public function test_nameless_individual_takes_its_email_as_name() {
		$id = $this->civicrm_contact(
			array(
				'first_name'          => null,
				'last_name'           => null,
				'email_primary.email' => 'Nobody@Example.org',
			)
		);

		$this->assertSame( 'nobody@example.org', $this->raw_contact( $id, array( 'display_name' ) )['display_name'] );
	}

	/**
	 * The contact_type is guessed; organisations are named after organization_name.
	 *
	 * @see civicrm-core Civi/Api4/Action/Contact/ContactSaveTrait.php write()
	 * @see civicrm-core CRM/Contact/BAO/Contact.php add()
	 */
	public function test_organization_type_is_guessed_and_named() {
		$created = civicrm_api4(
			'Contact',
			'create',
			array(
				'values'           => array( 'organization_name' => 'Service Robot' ),
				'checkPermissions' => false,
			)
		)->first();
		$this->track_contact( $created['id'] );

		$this->assertSame( 'Organization', $created['contact_type'] );
		$this->assertSame( 'Service Robot', $created['display_name'] );
		$this->assertSame( 'Service Robot', $created['sort_name'] );
	}

	/**
	 * Create needs add contacts.
	 *
	 * @see civicrm-core CRM/Core/Permission.php getEntityActionPermissions() ('create' => ['access CiviCRM', 'add contacts'])
	 * @see civicrm-core Civi/API/Kernel.php authorize()
	 */
	public function test_create_needs_add_contacts() {
		$this->login_as( $this->user_with( array( 'access_civicrm' ) ) );

		$this->assertThrowsExactly(
			'Civi\\API\\Exception\\UnauthorizedException',
			'Authorization failed: CiviCRM APIv4 (Contact::create)',
			static fn() => civicrm_api4( 'Contact', 'create', array( 'values' => array( 'first_name' => 'X' ) ) )
		);
	}

	/**
	 * Create refuses an id.
	 *
	 * @see civicrm-core Civi/Api4/Generic/DAOCreateAction.php validateValues()
	 */
	public function test_create_refuses_an_id() {
		$this->assertThrowsExactly(
			'CRM_Core_Exception',
			'Cannot pass id to Create action. Use Update action instead.',
			static fn() => civicrm_api4(
				'Contact',
				'create',
				array(
					'values'           => array( 'id' => 5 ),
					'checkPermissions' => false,
				)
			)
		);
	}

	/**
	 * Update needs where or id.
	 *
	 * @see civicrm-core Civi/Api4/Generic/AbstractUpdateAction.php _run()
	 */
	public function test_update_needs_where_or_id() {
		$this->assertThrowsExactly(
			'CRM_Core_Exception',
			'Parameter "where" is required unless primary keys are supplied in values.',
			static fn() => civicrm_api4(
				'Contact',
				'update',
				array(
					'values'           => array( 'first_name' => 'X' ),
					'checkPermissions' => false,
				)
			)
		);
	}

	/**
	 * An id in values selects the record; names are recomputed.
	 *
	 * @see civicrm-core Civi/Api4/Generic/AbstractUpdateAction.php _run()
	 * @see civicrm-core CRM/Contact/BAO/Individual.php format()
	 */
	public function test_update_by_id_in_values_recomputes_names() {
		$id = $this->civicrm_contact(
			array(
				'first_name' => 'Ann',
				'last_name'  => 'Old',
			)
		);

		$row = civicrm_api4(
			'Contact',
			'update',
			array(
				'values'           => array(
					'id'        => $id,
					'last_name' => 'New',
				),
				'checkPermissions' => false,
			)
		)->single();

		$this->assertSame( $id, $row['id'] );
		$this->assertSame( 'Ann New', $row['display_name'] );
		$this->assertSame( 'New, Ann', $this->raw_contact( $id, array( 'sort_name' ) )['sort_name'] );
	}

	/**
	 * Delete moves to the trash by default.
	 *
	 * @see civicrm-core Civi/Api4/Action/Contact/Delete.php (SoftDeleteActionTrait: useTrash TRUE)
	 * @see civicrm-core CRM/Contact/BAO/Contact.php deleteContact()
	 */
	public function test_delete_uses_the_trash_by_default() {
		$id = $this->civicrm_contact();

		$result = civicrm_api4(
			'Contact',
			'delete',
			array(
				'where'            => array( array( 'id', '=', $id ) ),
				'checkPermissions' => false,
			)
		);

		$this->assertSame( array( array( 'id' => $id ) ), $result->getArrayCopy() );
		$this->assertTrue( $this->raw_contact( $id, array( 'is_deleted' ) )['is_deleted'] );
	}

	/**
	 * With useTrash FALSE the row is deleted.
	 *
	 * @see civicrm-core CRM/Contact/BAO/Contact.php deleteContact() ($skipUndelete)
	 */
	public function test_delete_without_trash_removes_the_row() {
		$id = $this->civicrm_contact();

		civicrm_api4(
			'Contact',
			'delete',
			array(
				'where'            => array( array( 'id', '=', $id ) ),
				'useTrash'         => false,
				'checkPermissions' => false,
			)
		);

		$this->assertNull( $this->raw_contact( $id ) );
	}

	/**
	 * "Do not permit a contact to be deleted if it is (still) linked to a site user."
	 *
	 * @see civicrm-core CRM/Contact/BAO/Contact.php deleteContact()
	 * @see civicrm-core Civi/Api4/Action/Contact/Delete.php deleteObjects()
	 */
	public function test_a_contact_linked_to_a_user_cannot_be_deleted_for_good() {
		$id = $this->civicrm_contact();
		$this->link_contact_to_user( $id, self::factory_user( 'subscriber' ) );

		$this->assertThrowsExactly(
			'CRM_Core_Exception',
			"Could not delete Contact id $id",
			static fn() => civicrm_api4(
				'Contact',
				'delete',
				array(
					'where'            => array( array( 'id', '=', $id ) ),
					'useTrash'         => false,
					'checkPermissions' => false,
				)
			)
		);
	}

	/**
	 * Delete needs a where: `where` is @required on batch actions, so the
	 * parameter check refuses an empty one before DAODeleteAction's own check.
	 *
	 * @see civicrm-core Civi/Api4/Generic/AbstractBatchAction.php ($where @required)
	 * @see civicrm-core Civi/Api4/Event/Subscriber/ValidateFieldsSubscriber.php onApiPrepare()
	 */
	public function test_delete_needs_a_where() {
		$this->assertThrowsExactly(
			'CRM_Core_Exception',
			'Parameter "where" is required.',
			static fn() => civicrm_api4( 'Contact', 'delete', array( 'checkPermissions' => false ) )
		);
		$this->assertThrowsExactly(
			'CRM_Core_Exception',
			'Parameter "where" is required.',
			static fn() => civicrm_api4(
				'UFMatch',
				'delete',
				array(
					'where'            => array(),
					'checkPermissions' => false,
				)
			)
		);
	}

	/**
	 * Delete needs delete contacts.
	 *
	 * @see civicrm-core CRM/Core/Permission.php getEntityActionPermissions() ('delete' => ['access CiviCRM', 'delete contacts'])
	 */
	public function test_delete_needs_delete_contacts() {
		$id = $this->civicrm_contact();
		$this->login_as( $this->user_with( array( 'access_civicrm', 'edit_all_contacts' ) ) );

		$this->assertThrowsExactly(
			'Civi\\API\\Exception\\UnauthorizedException',
			'Authorization failed: CiviCRM APIv4 (Contact::delete)',
			static fn() => civicrm_api4( 'Contact', 'delete', array( 'where' => array( array( 'id', '=', $id ) ) ) )
		);
	}

	/**
	 * A new email becomes primary when the contact has none; a new primary demotes the old one.
	 *
	 * @see civicrm-core CRM/Core/BAO/Block.php handlePrimary()
	 */
	public function test_email_primary_handling() {
		$id    = $this->civicrm_contact();
		$first = civicrm_api4(
			'Email',
			'create',
			array(
				'values'           => array(
					'contact_id' => $id,
					'email'      => 'one@example.org',
				),
				'checkPermissions' => false,
			)
		)->first();
		$this->assertTrue( $first['is_primary'] );

		civicrm_api4(
			'Email',
			'create',
			array(
				'values'           => array(
					'contact_id' => $id,
					'email'      => 'two@example.org',
					'is_primary' => true,
				),
				'checkPermissions' => false,
			)
		);

		$this->assertSame( 'two@example.org', $this->raw_contact( $id, array( 'email_primary.email' ) )['email_primary.email'] );
	}

	/**
	 * Email create needs an email.
	 *
	 * @see civicrm-core Civi/Api4/Service/Spec/Provider/EmailCreationSpecProvider.php (email required)
	 * @see civicrm-core Civi/Api4/Generic/AbstractCreateAction.php validateValues()
	 */
	public function test_email_create_needs_an_email() {
		$error = $this->assertThrowsExactly(
			'CRM_Core_Exception',
			'Mandatory values missing from Api4 Email::create: email',
			static fn() => civicrm_api4(
				'Email',
				'create',
				array(
					'values'           => array( 'contact_id' => 1 ),
					'checkPermissions' => false,
				)
			)
		);
		$this->assertSame( 'mandatory_missing', $error->getErrorCode() );
	}
}

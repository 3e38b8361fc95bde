<?php
/**
 * The Contact entity.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Entities;

use CiviCRM_Standin\Database;
use CiviCRM_Standin\Permissions;
use CiviCRM_Standin\Session;
use CiviCRM_Standin\Writers\Contact_Writer;

/**
 * The civicrm_contact table, with the columns CiviKey can reach.
 *
 * @see civicrm-core schema/Contact/Contact.entityType.php
 * @see civicrm-core Civi/Api4/Contact.php
 */
final class Contact_Entity extends Entity {

	/**
	 * API name of the entity.
	 *
	 * @return string
	 */
	public static function name(): string {
		return 'Contact';
	}

	/**
	 * SQL table.
	 *
	 * @return string
	 */
	public static function table(): string {
		return 'civicrm_contact';
	}

	/**
	 * Class that writes records of this entity.
	 *
	 * @return string
	 */
	public static function writer(): string {
		return Contact_Writer::class;
	}

	/**
	 * Field specs. `api_key` carries core's field permission
	 * [['administer CiviCRM', 'edit api keys']] (either one).
	 *
	 * @return array
	 */
	protected static function field_definitions(): array {
		$bool = array(
			'data_type'     => 'Boolean',
			'input_type'    => 'CheckBox',
			'nullable'      => false,
			'required'      => true,
			'default_value' => false,
		);
		return array(
			'id'                  => array(
				'title'      => 'Contact ID',
				'data_type'  => 'Integer',
				'input_type' => 'Number',
				'required'   => true,
				'nullable'   => false,
				'readonly'   => true,
			),
			'contact_type'        => array(
				'maxlength'      => 64,
				'pseudoconstant' => true,
				'title'          => 'Contact Type',
				'input_type'     => 'Select',
				'readonly'       => true,
			),
			'external_identifier' => array(
				'maxlength'  => 64,
				'title'      => 'External Identifier',
				'input_type' => 'Text',
			),
			'display_name'        => array(
				'maxlength'  => 128,
				'title'      => 'Display Name',
				'input_type' => 'Text',
				'readonly'   => true,
			),
			'organization_name'   => array(
				'maxlength'  => 128,
				'title'      => 'Organization Name',
				'input_type' => 'Text',
			),
			'contact_sub_type'    => array(
				'maxlength'      => 255,
				'pseudoconstant' => true,
				'title'          => 'Contact Subtype',
				'input_type'     => 'Select',
			),
			'first_name'          => array(
				'maxlength'  => 64,
				'title'      => 'First Name',
				'input_type' => 'Text',
			),
			'middle_name'         => array(
				'maxlength'  => 64,
				'title'      => 'Middle Name',
				'input_type' => 'Text',
			),
			'last_name'           => array(
				'maxlength'  => 64,
				'title'      => 'Last Name',
				'input_type' => 'Text',
			),
			'do_not_email'        => array( 'title' => 'Do Not Email' ) + $bool,
			'is_opt_out'          => array(
				'title' => 'No Bulk Emails (User Opt Out)',
				'label' => 'Is Opt Out',
			) + $bool,
			'sort_name'           => array(
				'maxlength'  => 128,
				'title'      => 'Sort Name',
				'input_type' => 'Text',
				'readonly'   => true,
			),
			'nick_name'           => array(
				'maxlength'  => 128,
				'title'      => 'Nickname',
				'input_type' => 'Text',
			),
			'hash'                => array(
				'maxlength' => 32,
				'title'     => 'Contact Hash',
				'readonly'  => true,
			),
			'api_key'             => array(
				'maxlength'   => 32,
				'title'       => 'Api Key',
				'label'       => 'API KEY',
				'description' => 'API Key for validating requests related to this contact.',
				'readonly'    => true,
				'permission'  => array( array( 'administer CiviCRM', 'edit api keys' ) ),
			),
			'source'              => array(
				'maxlength'  => 255,
				'title'      => 'Contact Source',
				'input_type' => 'Text',
			),
			'job_title'           => array(
				'maxlength'  => 255,
				'title'      => 'Job Title',
				'input_type' => 'Text',
			),
			'household_name'      => array(
				'maxlength'  => 128,
				'title'      => 'Household Name',
				'input_type' => 'Text',
			),
			'is_deceased'         => array(
				'title' => 'Deceased / Closed',
				'label' => 'Is Deceased / Closed',
			) + $bool,
			'is_deleted'          => array( 'title' => 'Contact is in Trash' ) + $bool,
			'created_date'        => array(
				'title'      => 'Created Date',
				'data_type'  => 'Timestamp',
				'input_type' => 'Date',
				'readonly'   => true,
			),
			'modified_date'       => array(
				'title'      => 'Modified Date',
				'data_type'  => 'Timestamp',
				'input_type' => 'Date',
				'readonly'   => true,
			),
		);
	}

	/**
	 * The primary email, reachable as email_primary.<field>.
	 *
	 * @see civicrm-core Civi/Api4/Event/Subscriber/ContactSchemaMapSubscriber.php
	 * @return array
	 */
	public static function joins(): array {
		return array(
			'email_primary' => array(
				'entity' => Email_Entity::class,
				'on'     => '`{alias}`.`contact_id` = `a`.`id` AND `{alias}`.`is_primary` = 1',
			),
		);
	}

	/**
	 * The id, and external_identifier (UI_external_identifier).
	 *
	 * @see civicrm-core schema/Contact/Contact.entityType.php (indices)
	 * @return array
	 */
	public static function unique_fields(): array {
		return array( array( 'id' ), array( 'external_identifier' ) );
	}

	/**
	 * Nothing is required: ContactSaveTrait guesses contact_type.
	 *
	 * @see civicrm-core Civi/Api4/Action/Contact/ContactSaveTrait.php write()
	 * @return array
	 */
	public static function required_for_create(): array {
		return array();
	}

	/**
	 * This entity's entry in core's getEntityActionPermissions().
	 *
	 * @see civicrm-core CRM/Core/Permission.php getEntityActionPermissions() $permissions['contact']
	 * @return array
	 */
	protected static function declared_permissions(): array {
		return array(
			'create'           => array( 'access CiviCRM', 'add contacts' ),
			'delete'           => array( 'access CiviCRM', 'delete contacts' ),
			// "managed by query object": row-level ACLs decide.
			'get'              => array(),
			'update'           => array(),
			'validateChecksum' => array(),
		);
	}

	/**
	 * Contacts a user may see: all with 'view all contacts' or 'edit all
	 * contacts', otherwise only their own contact (with 'view my contact' or
	 * 'edit my contact'); trashed ones only with 'access deleted contacts'.
	 * ACL groups and relationships are not imitated.
	 *
	 * @see civicrm-core CRM/Contact/BAO/Contact.php addSelectWhereClause()
	 * @see civicrm-core CRM/Contact/BAO/Contact/Permission.php cacheSubquery(), cache()
	 * @param string $alias Table alias.
	 * @return array<int, array{0: string, 1: array<int, mixed>}> SQL conditions with their values.
	 */
	public static function acl_clauses( string $alias ): array {
		$clauses = array();
		if ( ! Permissions::check( array( array( 'view all contacts', 'edit all contacts' ) ) ) ) {
			$own = Session::logged_in_contact_id();
			if ( $own && Permissions::check( array( array( 'view my contact', 'edit my contact' ) ) ) ) {
				$clauses[] = array( "`$alias`.`id` = ?", array( $own ) );
			} else {
				$clauses[] = array( '0 = 1', array() );
			}
		}
		if ( ! Permissions::check( 'access deleted contacts' ) ) {
			$clauses[] = array( "`$alias`.`is_deleted` != 1", array() );
		}
		return $clauses;
	}

	/**
	 * Create needs 'add contacts'; update needs edit access, delete delete
	 * access to the contact.
	 *
	 * @see civicrm-core CRM/Contact/BAO/Contact.php self_civi_api4_authorizeRecord()
	 * @param string $action create, update or delete.
	 * @param array  $record Values; for update/delete at least the id.
	 * @return bool
	 */
	public static function check_access( string $action, array $record ): bool {
		if ( 'create' === $action ) {
			return Permissions::check( 'add contacts' );
		}
		if ( empty( $record['id'] ) ) {
			return false;
		}
		return self::allow( (int) $record['id'], 'delete' === $action ? 'delete' : ( 'get' === $action ? 'view' : 'edit' ) );
	}

	/**
	 * May the current user view/edit/delete this contact?
	 *
	 * @see civicrm-core CRM/Contact/BAO/Contact/Permission.php allow()
	 *
	 * @param int    $id   Contact id.
	 * @param string $type view, edit or delete.
	 * @return bool
	 */
	public static function allow( int $id, string $type ): bool {
		$own = Session::logged_in_contact_id();
		if ( $own === $id && ( ( 'view' === $type && Permissions::check( 'view my contact' ) ) || ( 'edit' === $type && Permissions::check( 'edit my contact' ) ) ) ) {
			return true;
		}
		$is_deleted = (bool) Database::instance()->fetch_value( 'SELECT is_deleted FROM civicrm_contact WHERE id = ?', array( $id ) );
		if ( $is_deleted && Permissions::check( 'access deleted contacts' ) ) {
			return true;
		}
		return Permissions::check( 'edit all contacts' ) || ( 'view' === $type && Permissions::check( 'view all contacts' ) );
	}
}

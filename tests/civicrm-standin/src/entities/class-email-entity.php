<?php
/**
 * The Email entity.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Entities;

use CiviCRM_Standin\Permissions;
use CiviCRM_Standin\Writers\Email_Writer;

/**
 * The civicrm_email table.
 *
 * @see civicrm-core schema/Core/Email.entityType.php
 */
final class Email_Entity extends Entity {

	/**
	 * API name of the entity.
	 *
	 * @return string
	 */
	public static function name(): string {
		return 'Email';
	}

	/**
	 * SQL table.
	 *
	 * @return string
	 */
	public static function table(): string {
		return 'civicrm_email';
	}

	/**
	 * Class that writes records of this entity.
	 *
	 * @return string
	 */
	public static function writer(): string {
		return Email_Writer::class;
	}

	/**
	 * Field specs keyed by name.
	 *
	 * @return array
	 */
	protected static function field_definitions(): array {
		$bool = array(
			'data_type'     => 'Boolean',
			'nullable'      => false,
			'default_value' => false,
		);
		return array(
			'id'               => array(
				'title'      => 'Email ID',
				'data_type'  => 'Integer',
				'input_type' => 'Number',
				'nullable'   => false,
				'readonly'   => true,
			),
			'contact_id'       => array(
				'title'      => 'Contact ID',
				'label'      => 'Contact',
				'data_type'  => 'Integer',
				'input_type' => 'EntityRef',
				'fk_entity'  => 'Contact',
			),
			'location_type_id' => array(
				'title'          => 'Email Location Type',
				'pseudoconstant' => true,
				'data_type'      => 'Integer',
				'input_type'     => 'Select',
			),
			// Required on create by EmailCreationSpecProvider.
			'email'            => array(
				'maxlength'  => 254,
				'title'      => 'Email',
				'input_type' => 'Email',
				'required'   => 'create',
			),
			'is_primary'       => array(
				'title'      => 'Is Primary',
				'input_type' => 'Radio',
			) + $bool,
			'is_billing'       => array(
				'title'      => 'Is Billing Email?',
				'input_type' => 'CheckBox',
			) + $bool,
			'on_hold'          => array(
				'title'          => 'On Hold',
				'pseudoconstant' => true,
				'data_type'      => 'Integer',
				'input_type'     => 'Select',
				'nullable'       => false,
				'default_value'  => 0,
			),
			'is_bulkmail'      => array(
				'title'      => 'Use for Bulk Mail',
				'input_type' => 'CheckBox',
			) + $bool,
			'hold_date'        => array(
				'input_type' => 'Date',
				'title'      => 'Hold Date',
				'data_type'  => 'Timestamp',
				'readonly'   => true,
			),
			'reset_date'       => array(
				'input_type' => 'Date',
				'title'      => 'Reset Date',
				'data_type'  => 'Timestamp',
			),
			'signature_text'   => array(
				'input_type' => 'TextArea',
				'title'      => 'Signature Text',
				'data_type'  => 'Text',
			),
			'signature_html'   => array(
				'input_type' => 'TextArea',
				'title'      => 'Signature Html',
				'label'      => 'Signature HTML',
				'data_type'  => 'Text',
			),
		);
	}

	/**
	 * Every action open; row-level checks decide.
	 *
	 * @see civicrm-core CRM/Core/Permission.php getEntityActionPermissions() $permissions['email'] = $permissions['address']
	 * @return array
	 */
	protected static function declared_permissions(): array {
		return array( 'default' => array() );
	}

	/**
	 * Only emails of contacts the user may see.
	 *
	 * @see civicrm-core CRM/Contact/AccessTrait.php addSelectWhereClause()
	 * @param string $alias Table alias.
	 * @return array<int, array{0: string, 1: array<int, mixed>}> SQL conditions with their values.
	 */
	public static function acl_clauses( string $alias ): array {
		$contact = Contact_Entity::acl_clauses( 'acl_contact' );
		if ( ! $contact ) {
			return array();
		}
		$sql    = array();
		$params = array();
		foreach ( $contact as list( $clause, $values ) ) {
			$sql[]  = $clause;
			$params = array_merge( $params, $values );
		}
		return array( array( "`$alias`.`contact_id` IN (SELECT `acl_contact`.`id` FROM `civicrm_contact` `acl_contact` WHERE " . implode( ' AND ', $sql ) . ')', $params ) );
	}

	/**
	 * Writing an email needs edit access to its contact (old and new one);
	 * without a contact, 'edit all events'.
	 *
	 * @see civicrm-core CRM/Contact/AccessTrait.php checkContactAccessAuthorizeRecord()
	 * @param string $action create, update or delete.
	 * @param array  $record Values; for update/delete at least the id.
	 * @return bool
	 */
	public static function check_access( string $action, array $record ): bool {
		$type       = 'get' === $action ? 'view' : 'edit';
		$stored_cid = null;
		if ( ! empty( $record['id'] ) ) {
			$stored_cid = (int) \CiviCRM_Standin\Database::instance()->fetch_value( 'SELECT contact_id FROM civicrm_email WHERE id = ?', array( (int) $record['id'] ) );
			if ( $stored_cid && ! Contact_Entity::allow( $stored_cid, $type ) ) {
				return false;
			}
			if ( ! empty( $record['contact_id'] ) && $stored_cid && (string) $record['contact_id'] !== (string) $stored_cid && ! Permissions::check( 'edit all contacts' ) ) {
				return false;
			}
		}
		$target = ! empty( $record['contact_id'] ) ? (int) $record['contact_id'] : $stored_cid;
		if ( ! $target ) {
			return Permissions::check( 'edit all events' );
		}
		return Contact_Entity::allow( $target, $type );
	}
}

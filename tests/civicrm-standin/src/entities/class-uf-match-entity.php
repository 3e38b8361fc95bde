<?php
/**
 * The UFMatch entity.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Entities;

use CiviCRM_Standin\Writers\UF_Match_Writer;

/**
 * The civicrm_uf_match table: contact <-> WordPress user. No entry of its own in
 * getEntityActionPermissions(), so every action needs 'administer CiviCRM'
 * (getFields: 'access CiviCRM'); no row-level ACL.
 *
 * @see civicrm-core schema/Core/UFMatch.entityType.php
 * @see civicrm-core Civi/Api4/UFMatch.php
 * @see civicrm-core CRM/Core/BAO/UFMatch.php addSelectWhereClause()
 */
final class UF_Match_Entity extends Entity {

	/**
	 * API name of the entity.
	 *
	 * @return string
	 */
	public static function name(): string {
		return 'UFMatch';
	}

	/**
	 * SQL table.
	 *
	 * @return string
	 */
	public static function table(): string {
		return 'civicrm_uf_match';
	}

	/**
	 * Class that writes records of this entity.
	 *
	 * @return string
	 */
	public static function writer(): string {
		return UF_Match_Writer::class;
	}

	/**
	 * Field specs keyed by name.
	 *
	 * @return array
	 */
	protected static function field_definitions(): array {
		return array(
			'id'         => array(
				'title'      => 'UF Match ID',
				'data_type'  => 'Integer',
				'input_type' => 'Number',
				'nullable'   => false,
				'readonly'   => true,
			),
			// Required, but defaulted to the current domain (default_callback CRM_Core_BAO_Domain::getDomainID).
			'domain_id'  => array(
				'title'            => 'Domain ID',
				'label'            => 'Domain',
				'data_type'        => 'Integer',
				'input_type'       => 'EntityRef',
				'required'         => true,
				'nullable'         => false,
				'default_callback' => true,
				'fk_entity'        => 'Domain',
				'pseudoconstant'   => true,
			),
			'uf_id'      => array(
				'title'      => 'CMS ID',
				'data_type'  => 'Integer',
				'input_type' => 'Number',
				'required'   => true,
				'nullable'   => false,
			),
			'uf_name'    => array(
				'maxlength'  => 128,
				'title'      => 'CMS Unique Identifier',
				'input_type' => 'Text',
			),
			'contact_id' => array(
				'title'      => 'Contact ID',
				'label'      => 'Contact',
				'data_type'  => 'Integer',
				'input_type' => 'EntityRef',
				'fk_entity'  => 'Contact',
			),
			'language'   => array(
				'maxlength'  => 5,
				'title'      => 'Preferred Language',
				'input_type' => 'Text',
			),
		);
	}

	/**
	 * Only uf_id is required without a default.
	 *
	 * @return array
	 */
	public static function required_for_create(): array {
		return array( 'uf_id' );
	}
}

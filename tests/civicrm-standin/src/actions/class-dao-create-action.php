<?php
/**
 * The create action on a database entity.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Actions;

use Civi\Api4\Generic\Result;

/**
 * Creates one record: refuses an id, checks required fields and the row-level
 * permission, then hands the values to the entity's writer.
 *
 * @see civicrm-core Civi/Api4/Generic/DAOCreateAction.php
 * @see civicrm-core Civi/Api4/Generic/AbstractCreateAction.php validateValues()
 */
class Dao_Create_Action extends Dao_Write_Action {

	/**
	 * Parameters this action takes besides the common ones.
	 *
	 * @return array
	 */
	protected function own_param_info(): array {
		return array(
			'values' => array(
				'type'    => array( 'array' ),
				'default' => array(),
			),
			'reload' => array( 'type' => array( 'array', 'bool' ) ),
		);
	}

	/**
	 * Class name core reports as debug actionClass for this action.
	 *
	 * @return string
	 */
	public function core_class(): string {
		return 'Contact' === $this->entity_name ? 'Civi\\Api4\\Action\\Contact\\Create' : 'Civi\\Api4\\Generic\\DAOCreateAction';
	}

	/**
	 * No id; required fields present; row-level check; then the writer.
	 *
	 * @param Result $result Result to fill.
	 * @throws \CRM_Core_Exception Id given or required values missing.
	 */
	public function run( Result $result ): void {
		$values = (array) $this->params['values'];
		if ( ! empty( $values['id'] ) ) {
			throw new \CRM_Core_Exception( 'Cannot pass id to Create action. Use Update action instead.' );
		}
		$class   = $this->entity_class;
		$missing = array();
		foreach ( $class::required_for_create() as $name ) {
			if ( ! isset( $values[ $name ] ) || '' === $values[ $name ] ) {
				$missing[] = $name;
			}
		}
		if ( $missing ) {
			throw new \CRM_Core_Exception(
				"Mandatory values missing from Api4 {$this->entity_name}::{$this->action_name}: " . implode( ', ', $missing ),
				'mandatory_missing',
				array( 'fields' => $missing )
			);
		}
		$this->authorize_record( 'create', $values );
		$writer = $this->writer();
		$result->exchangeArray( array( $writer::create( $values, $this->check_permissions() ) ) );
	}
}

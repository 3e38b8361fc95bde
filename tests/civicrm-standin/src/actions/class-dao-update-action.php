<?php
/**
 * The update action on a database entity.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Actions;

use Civi\Api4\Generic\Result;

/**
 * Updates one or more records.
 *
 * @see civicrm-core Civi/Api4/Generic/AbstractUpdateAction.php _run()
 */
class Dao_Update_Action extends Dao_Write_Action {

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
		) + static::batch_param_info() + array(
			'reload' => array( 'type' => array( 'array', 'bool' ) ),
		);
	}

	/**
	 * Class name core reports as debug actionClass for this action.
	 *
	 * @return string
	 */
	public function core_class(): string {
		return 'Contact' === $this->entity_name ? 'Civi\\Api4\\Action\\Contact\\Update' : 'Civi\\Api4\\Generic\\DAOUpdateAction';
	}

	/**
	 * An id in values joins the where clause. Updating one record by id skips
	 * the lookup (and so does not check that it exists); otherwise the
	 * records come from a get with the same permissions. Every record must
	 * pass the row-level check.
	 *
	 * @param Result $result Result to fill.
	 * @throws \CRM_Core_Exception No where clause.
	 * @throws \Exception Changing the id (core throws a plain \Exception).
	 */
	public function run( Result $result ): void {
		$values = (array) $this->params['values'];
		$where  = (array) $this->params['where'];
		if ( ! empty( $values['id'] ) ) {
			$by_field = array_column( array_filter( $where, 'is_array' ), null, 0 );
			if ( ! isset( $by_field['id'] ) ) {
				$where[]               = array( 'id', '=', $values['id'] );
				$this->params['where'] = $where;
			} elseif ( ! ( '=' === $by_field['id'][1] && $by_field['id'][2] == $values['id'] ) ) { // phpcs:ignore WordPress.PHP.StrictComparisons.LooseComparison -- core compares loosely.
				// Core throws a plain \Exception here.
				throw new \Exception( "Cannot update the id of an existing {$this->entity_name}." );
			}
		}
		if ( ! $where ) {
			throw new \CRM_Core_Exception( 'Parameter "where" is required unless primary keys are supplied in values.' );
		}
		$writer = $this->writer();
		if ( 1 === count( $where ) && isset( $where[0][0], $where[0][1] ) && 'id' === $where[0][0] && '=' === $where[0][1] && ! empty( $where[0][2] ) ) {
			$values['id'] = $where[0][2];
			$this->authorize_record( 'update', $values );
			$result->exchangeArray( $writer::update( array( $values ), $this->check_permissions() ) );
			return;
		}
		$items = array();
		foreach ( $this->batch_records() as $record ) {
			$item = $values + $record;
			$this->authorize_record( 'update', $item );
			$items[] = $item;
		}
		$result->exchangeArray( $items ? $writer::update( $items, $this->check_permissions() ) : array() );
	}
}

<?php
/**
 * The delete action on a database entity.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Actions;

use Civi\Api4\Generic\Result;

/**
 * Deletes the records a get with the same permissions finds.
 *
 * @see civicrm-core Civi/Api4/Generic/DAODeleteAction.php
 * @see civicrm-core Civi/Api4/Generic/AbstractBatchAction.php ($where is @required)
 * @see civicrm-core Civi/Api4/Event/Subscriber/ValidateFieldsSubscriber.php onApiPrepare()
 * @see civicrm-core Civi/Api4/Action/Contact/Delete.php (useTrash)
 */
class Dao_Delete_Action extends Dao_Write_Action {

	/**
	 * Parameters this action takes besides the common ones.
	 *
	 * @return array
	 */
	protected function own_param_info(): array {
		$info = static::batch_param_info();
		// @required in AbstractBatchAction: an empty where fails validation
		// ('Parameter "where" is required.') before DAODeleteAction's own check.
		$info['where']['required'] = true;
		if ( 'Contact' === $this->entity_name ) {
			// SoftDeleteActionTrait: move to the trash unless told otherwise.
			$info['useTrash'] = array(
				'type'    => array( 'bool' ),
				'default' => true,
			);
		}
		return $info;
	}

	/**
	 * Class name core reports as debug actionClass for this action.
	 *
	 * @return string
	 */
	public function core_class(): string {
		return 'Contact' === $this->entity_name ? 'Civi\\Api4\\Action\\Contact\\Delete' : 'Civi\\Api4\\Generic\\DAODeleteAction';
	}

	/**
	 * Runs the action and fills the result.
	 *
	 * @param Result $result Result to fill.
	 */
	public function run( Result $result ): void {
		$items = $this->batch_records();
		foreach ( $items as $item ) {
			// Only the id is trusted.
			$this->authorize_record( 'delete', array( 'id' => $item['id'] ) );
		}
		if ( $items ) {
			$writer = $this->writer();
			$result->exchangeArray( $writer::delete( $items, $this->check_permissions(), (bool) ( $this->params['useTrash'] ?? false ) ) );
		}
	}
}

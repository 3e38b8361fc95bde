<?php
/**
 * Extension.get.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Actions;

use Civi\Api4\Generic\Result;
use CiviCRM_Standin\Extensions;
use CiviCRM_Standin\Query\Array_Query;

/**
 * Lists extensions with their status (installed = enabled, disabled,
 * uninstalled). Needs 'administer CiviCRM' like every Extension action.
 *
 * @see civicrm-core Civi/Api4/Action/Extension/Get.php
 * @see civicrm-core Civi/Api4/Generic/BasicGetAction.php
 */
class Extension_Get_Action extends Action {

	/**
	 * Parameters this action takes besides the common ones.
	 *
	 * @return array
	 */
	protected function own_param_info(): array {
		return self::query_param_info();
	}

	/**
	 * Class name core reports as debug actionClass for this action.
	 *
	 * @return string
	 */
	public function core_class(): string {
		return 'Civi\\Api4\\Action\\Extension\\Get';
	}

	/**
	 * Runs the action and fills the result.
	 *
	 * @param Result $result Result to fill.
	 */
	public function run( Result $result ): void {
		Array_Query::apply( Extensions::rows(), $this->params, $result );
	}
}

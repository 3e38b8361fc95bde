<?php
/**
 * Setting.get.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Actions;

use Civi\Api4\Generic\Result;
use CiviCRM_Standin\Settings;

/**
 * Returns [name, value, domain_id] rows for the selected settings, or for
 * all known settings when select is empty. Unknown names are an error.
 *
 * @see civicrm-core Civi/Api4/Action/Setting/Get.php
 * @see civicrm-core Civi/Api4/Action/Setting/AbstractSettingAction.php
 */
class Setting_Get_Action extends Action {

	/**
	 * Parameters this action takes besides the common ones.
	 *
	 * @return array
	 */
	protected function own_param_info(): array {
		return array(
			'select'    => array(
				'type'    => array( 'array' ),
				'default' => array(),
			),
			'domainId'  => array( 'type' => array( 'int', 'string', 'array' ) ),
			'contactId' => array( 'type' => array( 'int' ) ),
		);
	}

	/**
	 * Class name core reports as debug actionClass for this action.
	 *
	 * @return string
	 */
	public function core_class(): string {
		return 'Civi\\Api4\\Action\\Setting\\Get';
	}

	/**
	 * Runs the action and fills the result.
	 *
	 * @param Result $result Result to fill.
	 */
	public function run( Result $result ): void {
		$domain = Settings::domain( $this->params['domainId'], $this->params['contactId'] );
		$names  = array_map( static fn( $name ) => explode( ':', (string) $name )[0], (array) $this->params['select'] );
		Settings::validate_names( $names, $domain );
		$rows = array();
		foreach ( $names ? $names : array_keys( Settings::metadata() ) as $name ) {
			$rows[] = array(
				'name'      => $name,
				'value'     => Settings::get( $name ),
				'domain_id' => $domain,
			);
		}
		$result->exchangeArray( $rows );
	}
}

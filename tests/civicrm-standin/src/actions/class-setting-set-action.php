<?php
/**
 * Setting.set.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Actions;

use Civi\Api4\Generic\Result;
use CiviCRM_Standin\Settings;

/**
 * Stores settings; returns [name, value, domain_id] rows.
 *
 * @see civicrm-core Civi/Api4/Action/Setting/Set.php
 * @see civicrm-core Civi/Core/SettingsBag.php setDb()
 */
class Setting_Set_Action extends Action {

	/**
	 * Parameters this action takes besides the common ones.
	 *
	 * @return array
	 */
	protected function own_param_info(): array {
		return array(
			'values'    => array(
				'type'     => array( 'array' ),
				'default'  => array(),
				'required' => true,
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
		return 'Civi\\Api4\\Action\\Setting\\Set';
	}

	/**
	 * Runs the action and fills the result.
	 *
	 * @param Result $result Result to fill.
	 */
	public function run( Result $result ): void {
		$domain = Settings::domain( $this->params['domainId'], $this->params['contactId'] );
		$values = (array) $this->params['values'];
		Settings::validate_names( array_keys( $values ), $domain );
		$rows = array();
		foreach ( $values as $name => $value ) {
			$value = Settings::validate_value( (string) $name, $value );
			Settings::set( (string) $name, $value );
			$rows[] = array(
				'name'      => $name,
				'value'     => $value,
				'domain_id' => $domain,
			);
		}
		$result->exchangeArray( $rows );
	}
}

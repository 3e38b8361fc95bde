<?php
/**
 * The getFields action.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Actions;

use Civi\Api4\Generic\Result;
use CiviCRM_Standin\Extensions;
use CiviCRM_Standin\Permissions;
use CiviCRM_Standin\Query\Array_Query;
use CiviCRM_Standin\Settings;

/**
 * Field metadata. With checkPermissions on, fields the user may not use
 * (api_key without 'administer CiviCRM' or 'edit api keys') are left out:
 * `Contact.getFields` where name = api_key returning nothing is how a caller
 * can ask "may I edit API keys?".
 *
 * @see civicrm-core Civi/Api4/Generic/BasicGetFieldsAction.php formatResults()
 */
class Get_Fields_Action extends Action {

	/**
	 * Parameters this action takes besides the common ones.
	 *
	 * @return array
	 */
	protected function own_param_info(): array {
		return array(
			'select'        => array(
				'type'    => array( 'array' ),
				'default' => array(),
			),
			'where'         => array(
				'type'    => array( 'array' ),
				'default' => array(),
			),
			'orderBy'       => array(
				'type'    => array( 'array' ),
				'default' => array(),
			),
			'limit'         => array(
				'type'    => array( 'int' ),
				'default' => 0,
			),
			'offset'        => array(
				'type'    => array( 'int' ),
				'default' => 0,
			),
			'loadOptions'   => array(
				'type'    => array( 'bool', 'array' ),
				'default' => false,
			),
			'action'        => array(
				'type'    => array( 'string' ),
				'default' => 'get',
			),
			'values'        => array(
				'type'    => array( 'array' ),
				'default' => array(),
			),
			'includeCustom' => array( 'type' => array( 'bool' ) ),
		);
	}

	/**
	 * Class name core reports as debug actionClass for this action.
	 *
	 * @return string
	 */
	public function core_class(): string {
		return 'Setting' === $this->entity_name ? 'Civi\\Api4\\Action\\Setting\\GetFields' : 'Civi\\Api4\\Generic\\DAOGetFieldsAction';
	}

	/**
	 * Runs the action and fills the result.
	 *
	 * @param Result $result Result to fill.
	 */
	public function run( Result $result ): void {
		$records = $this->records();
		if ( $this->check_permissions() ) {
			$records = array_values( array_filter( $records, static fn( $field ) => empty( $field['permission'] ) || Permissions::check( $field['permission'] ) ) );
		}
		Array_Query::apply( $records, $this->params, $result );
	}

	/**
	 * Field rows for the entity.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private function records(): array {
		if ( 'Setting' === $this->entity_name ) {
			return Settings::field_records();
		}
		if ( 'Extension' === $this->entity_name ) {
			return Extensions::field_records();
		}
		$class  = $this->entity_class;
		$action = (string) $this->params['action'];
		$rows   = array();
		foreach ( $class::fields() as $spec ) {
			$row    = array(
				'entity'        => $this->entity_name,
				'type'          => 'Field',
				'name'          => $spec['name'],
				'title'         => $spec['title'],
				'label'         => $spec['title'],
				'description'   => $spec['description'],
				'required'      => (bool) $spec['required'],
				'nullable'      => (bool) $spec['nullable'],
				// Defaults only make sense for create (SpecGatherer::getSpec()).
				'default_value' => 'create' === $action ? $spec['default_value'] : null,
				'options'       => false,
				'data_type'     => $spec['data_type'],
				'input_type'    => 'create' === $action && $spec['readonly'] ? 'DisplayOnly' : $spec['input_type'],
				'readonly'      => (bool) $spec['readonly'],
				'permission'    => $spec['permission'],
				'fk_entity'     => $spec['fk_entity'],
				'serialize'     => $spec['serialize'],
				'column_name'   => $spec['column_name'],
			);
			$rows[] = $row;
		}
		return $rows;
	}
}

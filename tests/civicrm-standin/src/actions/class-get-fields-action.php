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
 * Rows have the keys core's have, in the same order; the stand-in fills
 * the ones CiviKey could use (name, title, label, required, default_value,
 * data_type, input_type, readonly, permission, options, fk_entity) and
 * leaves usage, input_attrs (but for the label) and descriptions sparser.
 *
 * @see civicrm-core Civi/Api4/Generic/BasicGetFieldsAction.php formatResults(), fields()
 */
class Get_Fields_Action extends Action {

	/**
	 * Parameters this action takes besides the common ones.
	 *
	 * @return array
	 */
	protected function own_param_info(): array {
		return self::query_param_info() + array(
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
	 * Whether a caller must supply the field: not when it has a default (a
	 * value or a callback) or is the primary key; some fields are required
	 * on create only.
	 *
	 * @see civicrm-core Civi/Api4/Service/Spec/SpecFormatter.php arrayToField() (setRequired)
	 * @see civicrm-core Civi/Api4/Service/Spec/Provider/EmailCreationSpecProvider.php
	 *
	 * @param array<string, mixed> $spec   Field spec.
	 * @param string               $action Action the fields are for.
	 * @return bool
	 */
	private static function required( array $spec, string $action ): bool {
		if ( 'id' === $spec['name'] || null !== $spec['default_value'] || ! empty( $spec['default_callback'] ) ) {
			return false;
		}
		return true === $spec['required'] || ( 'create' === $spec['required'] && 'create' === $action );
	}

	/**
	 * Defaults are given for create; for get, is_deleted defaults to FALSE
	 * (get leaves trashed records out unless asked).
	 *
	 * @see civicrm-core Civi/Api4/Service/Spec/SpecGatherer.php getSpec()
	 * @see civicrm-core Civi/Api4/Service/Spec/Provider/GetActionDefaultsProvider.php
	 *
	 * @param array<string, mixed> $spec   Field spec.
	 * @param string               $action Action the fields are for.
	 * @return mixed
	 */
	private static function default_value( array $spec, string $action ) {
		if ( 'get' === $action && 'is_deleted' === $spec['name'] ) {
			return false;
		}
		return 'create' === $action ? $spec['default_value'] : null;
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
			$options = (bool) $spec['pseudoconstant'];
			$label   = $spec['label'] ?? $spec['title'];
			$rows[]  = array(
				'default_value'           => self::default_value( $spec, $action ),
				'type'                    => 'Field',
				'entity'                  => $this->entity_name,
				'required'                => self::required( $spec, $action ),
				'nullable'                => (bool) $spec['nullable'],
				'required_if'             => null,
				'permission'              => $spec['permission'],
				'readonly'                => (bool) $spec['readonly'],
				'deprecated'              => false,
				'usage'                   => array(),
				'name'                    => $spec['name'],
				'title'                   => $spec['title'],
				'description'             => $spec['description'],
				'data_type'               => $spec['data_type'],
				'serialize'               => $spec['serialize'],
				'fk_entity'               => $spec['fk_entity'],
				'fk_column'               => $spec['fk_entity'] ? 'id' : null,
				'dfk_entities'            => null,
				'options'                 => $options,
				'suffixes'                => $options ? array( 'name', 'label' ) : null,
				'options_callback'        => $options ? array( 'Civi\\Api4\\Service\\Spec\\SpecFormatter', 'getOptions' ) : null,
				'options_callback_params' => array(),
				'label'                   => $label,
				'input_type'              => 'create' === $action && $spec['readonly'] ? 'DisplayOnly' : $spec['input_type'],
				'localizable'             => false,
				'input_attrs'             => isset( $spec['label'] ) ? array( 'label' => $spec['label'] ) : array(),
				'help_pre'                => null,
				'help_post'               => null,
				'table_name'              => $class::table(),
				'column_name'             => $spec['column_name'],
				'operators'               => null,
				'custom_field_id'         => null,
			);
		}
		return $rows;
	}
}

<?php
/**
 * Base of the stand-in's API actions.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Actions;

use Civi\Api4\Generic\Result;
use CiviCRM_Standin\Permissions;

/**
 * Holds an action's parameters and does what every APIv4 action does:
 * refuses unknown parameters, checks types and required parameters, works
 * out the action's permission, and collects debug output.
 *
 * @see civicrm-core Civi/Api4/Generic/AbstractAction.php
 * @see civicrm-core Civi/API/Request.php create()
 * @see civicrm-core Civi/Api4/Event/Subscriber/ValidateFieldsSubscriber.php
 */
abstract class Action {

	/**
	 * Entity name as the API reports it, e.g. Contact.
	 *
	 * @var string
	 */
	protected $entity_name;

	/**
	 * Action name as the API reports it, e.g. get.
	 *
	 * @var string
	 */
	protected $action_name;

	/**
	 * Entity class for database entities, or null.
	 *
	 * @var string|null
	 */
	protected $entity_class;

	/**
	 * Parameter values (defaults filled in).
	 *
	 * @var array<string, mixed>
	 */
	protected $params = array();

	/**
	 * Debug output collected while running.
	 *
	 * @var array<string, array<int, mixed>>
	 */
	public $debug_output = array();

	/**
	 * Constructor.
	 *
	 * @param string      $entity_name  Entity name.
	 * @param string      $action_name  Action name.
	 * @param string|null $entity_class Entity class.
	 */
	public function __construct( string $entity_name, string $action_name, ?string $entity_class = null ) {
		$this->entity_name  = $entity_name;
		$this->action_name  = $action_name;
		$this->entity_class = $entity_class;
		foreach ( $this->param_info() as $name => $info ) {
			$this->params[ $name ] = $info['default'] ?? null;
		}
	}

	/**
	 * Parameters this action takes: name => ['type' => [...], 'default' => ..., 'required' => bool].
	 *
	 * @return array<string, array<string, mixed>>
	 */
	protected function own_param_info(): array {
		return array();
	}

	/**
	 * The parameters of every query action: select, where, orderBy, limit
	 * and offset, in that order.
	 *
	 * @see civicrm-core Civi/Api4/Generic/AbstractQueryAction.php
	 * @see civicrm-core Civi/Api4/Generic/Traits/SelectParamTrait.php
	 *
	 * @return array<string, array<string, mixed>>
	 */
	protected static function query_param_info(): array {
		return array(
			'select'  => array(
				'type'    => array( 'array' ),
				'default' => array(),
			),
			'where'   => array(
				'type'    => array( 'array' ),
				'default' => array(),
			),
			'orderBy' => array(
				'type'    => array( 'array' ),
				'default' => array(),
			),
			'limit'   => array(
				'type'    => array( 'int' ),
				'default' => 0,
			),
			'offset'  => array(
				'type'    => array( 'int' ),
				'default' => 0,
			),
		);
	}

	/**
	 * The parameters of core's batch actions (update, delete): the query
	 * parameters without select.
	 *
	 * @see civicrm-core Civi/Api4/Generic/AbstractBatchAction.php
	 *
	 * @return array<string, array<string, mixed>>
	 */
	protected static function batch_param_info(): array {
		return array_diff_key( static::query_param_info(), array( 'select' => true ) );
	}

	/**
	 * Runs the action.
	 *
	 * @param Result $result Result to fill.
	 */
	abstract public function run( Result $result ): void;

	/**
	 * All parameters, including those every action has.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	final public function param_info(): array {
		return array(
			'version'          => array( 'type' => array( 'int' ) ),
			'checkPermissions' => array(
				'type'    => array( 'bool' ),
				'default' => true,
			),
			'debug'            => array(
				'type'    => array( 'bool' ),
				'default' => false,
			),
			'language'         => array( 'type' => array( 'string' ) ),
			'chain'            => array(
				'type'    => array( 'array' ),
				'default' => array(),
			),
		) + $this->own_param_info();
	}

	/**
	 * Sets parameters, refusing unknown ones.
	 *
	 * @param array<string, mixed> $params Parameters.
	 * @throws \CRM_Core_Exception Unknown parameter or wrong version.
	 */
	public function set_params( array $params ): void {
		$info = $this->param_info();
		foreach ( $params as $name => $value ) {
			if ( ! array_key_exists( $name, $info ) ) {
				throw new \CRM_Core_Exception( "Unknown api parameter: $name" );
			}
			if ( 'version' === $name && 4 !== $value && '4' !== $value ) {
				throw new \CRM_Core_Exception( 'Cannot modify api version' );
			}
			if ( 'checkPermissions' === $name || 'debug' === $name ) {
				// Typed setters in core: PHP coerces scalars to bool.
				if ( ! is_scalar( $value ) && null !== $value ) {
					throw new \CRM_Core_Exception( "Parameter \"$name\" is not of the correct type. Expecting bool." );
				}
				$value = (bool) $value;
			}
			$this->params[ $name ] = $value;
		}
	}

	/**
	 * Required parameters and parameter types (after authorisation, as in core).
	 *
	 * @throws \CRM_Core_Exception Missing or mistyped parameter.
	 */
	public function validate_params(): void {
		foreach ( $this->param_info() as $name => $info ) {
			$value = $this->params[ $name ];
			if ( ! empty( $info['required'] ) && ( null === $value || '' === $value || array() === $value || false === $value ) ) {
				throw new \CRM_Core_Exception( 'Parameter "' . $name . '" is required.' );
			}
			if ( null === $value || empty( $info['type'] ) ) {
				continue;
			}
			$ok = false;
			foreach ( $info['type'] as $type ) {
				if ( ( 'array' === $type && is_array( $value ) ) || ( 'bool' === $type && is_bool( $value ) ) || ( 'string' === $type && is_string( $value ) )
					|| ( 'int' === $type && ( is_int( $value ) || ( is_string( $value ) && preg_match( '/^-?\d+$/', $value ) ) ) ) ) {
					$ok = true;
					break;
				}
			}
			if ( ! $ok ) {
				throw new \CRM_Core_Exception( 'Parameter "' . $name . '" is not of the correct type. Expecting ' . implode( ' or ', $info['type'] ) . '.' );
			}
		}
		if ( ! empty( $this->params['chain'] ) ) {
			throw new \CRM_Core_Exception( 'civicrm-standin does not implement chained API calls' );
		}
	}

	/**
	 * Permission expression this action needs.
	 *
	 * @return array<int, string|array<int, string>>
	 */
	public function permission(): array {
		$class = $this->entity_class;
		if ( $class ) {
			return $class::action_permission( $this->action_name );
		}
		// Setting and Extension declare nothing: meta needs 'access CiviCRM', the rest 'administer CiviCRM'.
		return 'getFields' === $this->action_name ? array( 'access CiviCRM' ) : array( 'administer CiviCRM' );
	}

	/**
	 * Whether permission checks are on.
	 *
	 * @return bool
	 */
	public function check_permissions(): bool {
		return (bool) $this->params['checkPermissions'];
	}

	/**
	 * Whether the caller asked for debug output.
	 *
	 * @return bool
	 */
	public function wants_debug(): bool {
		return (bool) $this->params['debug'];
	}

	/**
	 * Adds to the debug output, only when debugging was asked for.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4Query.php debug()
	 * @param string $key  Key, e.g. unauthorized_fields.
	 * @param mixed  $item Item.
	 */
	public function debug( string $key, $item ): void {
		if ( $this->wants_debug() ) {
			$this->debug_output[ $key ][] = $item;
		}
	}

	/**
	 * Entity name.
	 *
	 * @return string
	 */
	public function entity_name(): string {
		return $this->entity_name;
	}

	/**
	 * Action name.
	 *
	 * @return string
	 */
	public function action_name(): string {
		return $this->action_name;
	}

	/**
	 * Class name core would report as debug 'actionClass'.
	 *
	 * @return string
	 */
	abstract public function core_class(): string;

	/**
	 * Whether the current user has a permission expression.
	 *
	 * @param string|array<int, mixed> $permission Expression.
	 * @return bool
	 */
	protected function allowed( $permission ): bool {
		return Permissions::check( $permission );
	}
}

<?php
/**
 * Dispatches civicrm_api4() calls.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin;

use Civi\Api4\Generic\Result;
use CiviCRM_Standin\Actions\Action;
use CiviCRM_Standin\Actions\Dao_Create_Action;
use CiviCRM_Standin\Actions\Dao_Delete_Action;
use CiviCRM_Standin\Actions\Dao_Get_Action;
use CiviCRM_Standin\Actions\Dao_Update_Action;
use CiviCRM_Standin\Actions\Extension_Get_Action;
use CiviCRM_Standin\Actions\Get_Fields_Action;
use CiviCRM_Standin\Actions\Setting_Get_Action;
use CiviCRM_Standin\Actions\Setting_Set_Action;
use CiviCRM_Standin\Entities\Contact_Entity;
use CiviCRM_Standin\Entities\Email_Entity;
use CiviCRM_Standin\Entities\UF_Match_Entity;

/**
 * The order of events follows core's API kernel: build the request
 * (unknown entity/action or parameter fail first), authorise the action,
 * validate parameters, run, then add debug output if it was asked for and
 * allowed.
 *
 * @see civicrm-core Civi/API/Request.php create()
 * @see civicrm-core Civi/API/Kernel.php runRequest(), authorize()
 * @see civicrm-core Civi/Api4/Event/Subscriber/PermissionCheckSubscriber.php
 * @see civicrm-core Civi/Api4/Generic/AbstractAction.php execute()
 */
final class Kernel {

	/**
	 * Entity => [entity class or null, [action => action class]].
	 *
	 * @return array<string, array{0: string|null, 1: array<string, string>}>
	 */
	private static function registry(): array {
		$dao = array(
			'get'       => Dao_Get_Action::class,
			'create'    => Dao_Create_Action::class,
			'update'    => Dao_Update_Action::class,
			'delete'    => Dao_Delete_Action::class,
			'getFields' => Get_Fields_Action::class,
		);
		return array(
			'Contact'   => array( Contact_Entity::class, $dao ),
			'Email'     => array( Email_Entity::class, $dao ),
			'UFMatch'   => array( UF_Match_Entity::class, $dao ),
			'Setting'   => array(
				null,
				array(
					'get'       => Setting_Get_Action::class,
					'set'       => Setting_Set_Action::class,
					'getFields' => Get_Fields_Action::class,
				),
			),
			'Extension' => array(
				null,
				array(
					'get'       => Extension_Get_Action::class,
					'getFields' => Get_Fields_Action::class,
				),
			),
		);
	}

	/**
	 * Runs one API call.
	 *
	 * @param string               $entity Entity.
	 * @param string               $action Action.
	 * @param array<string, mixed> $params Parameters.
	 * @return Result
	 * @throws \Civi\Core\Exception\DBQueryException Database failure.
	 * @throws \Civi\API\Exception\UnauthorizedException Action not permitted.
	 */
	public static function run( string $entity, string $action, array $params ): Result {
		if ( Mode::FAILING === Mode::current() ) {
			throw \Civi\Core\Exception\DBQueryException::from_database_error(
				new Database_Error( 2002, "Can't connect to server on '" . ( defined( 'DB_HOST' ) ? DB_HOST : 'localhost' ) . "'", '', Database_Error::DB_ERROR_CONNECT_FAILED )
			);
		}
		$request = self::create_request( $entity, $action, $params );
		try {
			if ( $request->check_permissions() && ! Permissions::check( $request->permission() ) ) {
				throw new \Civi\API\Exception\UnauthorizedException(
					"Authorization failed: CiviCRM APIv4 ({$request->entity_name()}::{$request->action_name()})"
				);
			}
			$request->validate_params();
			$result          = new Result();
			$result->entity  = $request->entity_name();
			$result->action  = $request->action_name();
			$result->version = 4;
			$request->run( $result );
		} catch ( Database_Error $error ) {
			throw \Civi\Core\Exception\DBQueryException::from_database_error( $error );
		}
		if ( $request->wants_debug() && ( ! $request->check_permissions() || Permissions::check( 'view debug output' ) ) ) {
			$result->debug = array_merge( array( 'actionClass' => $request->core_class() ), $request->debug_output );
		} else {
			$result->debug = null;
		}
		return $result;
	}

	/**
	 * Finds the action (entity and action names are case-insensitive, as PHP
	 * class and method names are in core) and sets its parameters.
	 *
	 * @see civicrm-core Civi/API/Request.php create() (unknown entity)
	 * @see civicrm-core Civi/Api4/Generic/AbstractEntity.php __callStatic() (unknown action)
	 *
	 * @param string               $entity Entity.
	 * @param string               $action Action.
	 * @param array<string, mixed> $params Parameters.
	 * @return Action
	 * @throws \Civi\API\Exception\NotImplementedException Unknown entity or action.
	 */
	private static function create_request( string $entity, string $action, array $params ): Action {
		$entity_name = null;
		$action_name = null;
		foreach ( self::registry() as $name => $definition ) {
			if ( strtolower( $name ) === strtolower( $entity ) ) {
				$entity_name = $name;
				foreach ( array_keys( $definition[1] ) as $candidate ) {
					if ( strtolower( $candidate ) === strtolower( $action ) ) {
						$action_name = $candidate;
					}
				}
			}
		}
		if ( null === $entity_name ) {
			throw new \Civi\API\Exception\NotImplementedException( "API ($entity, $action) does not exist (or the extension it belongs to is not enabled)." );
		}
		if ( null === $action_name ) {
			// The entity class exists; its __callStatic() finds no action class.
			throw new \Civi\API\Exception\NotImplementedException( "Api $entity_name $action version 4 does not exist." );
		}
		list( $entity_class, $actions ) = self::registry()[ $entity_name ];
		$class                          = $actions[ $action_name ];
		$request                        = new $class( $entity_name, $action_name, $entity_class );
		$request->set_params( array( 'version' => 4 ) + $params );
		return $request;
	}
}

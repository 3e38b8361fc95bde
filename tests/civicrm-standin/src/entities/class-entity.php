<?php
/**
 * What the stand-in knows about a CiviCRM database entity.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Entities;

use CiviCRM_Standin\Permissions;

/**
 * Fields, table, permissions and row-level access of one DAO entity. Field
 * specs follow civicrm-core's schema/*.entityType.php and use APIv4's
 * getFields vocabulary (data_type, input_type, required, readonly,
 * permission...).
 */
abstract class Entity {

	/**
	 * API name, e.g. 'Contact'.
	 *
	 * @return string
	 */
	abstract public static function name(): string;

	/**
	 * SQL table.
	 *
	 * @return string
	 */
	abstract public static function table(): string;

	/**
	 * Field specs keyed by name (each spec also holds 'name').
	 *
	 * @return array<string, array<string, mixed>>
	 */
	abstract protected static function field_definitions(): array;

	/**
	 * Writer class for create/update/delete.
	 *
	 * @return string
	 */
	abstract public static function writer(): string;

	/**
	 * Field specs with defaults filled in.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function fields(): array {
		static $cache = array();
		$class        = static::class;
		if ( ! isset( $cache[ $class ] ) ) {
			$cache[ $class ] = array();
			foreach ( static::field_definitions() as $name => $spec ) {
				$cache[ $class ][ $name ] = $spec + array(
					'name'             => $name,
					'title'            => ucwords( str_replace( '_', ' ', $name ) ),
					'description'      => null,
					'data_type'        => 'String',
					'input_type'       => null,
					'required'         => false,
					'nullable'         => true,
					'readonly'         => false,
					'permission'       => null,
					'default_value'    => null,
					'fk_entity'        => null,
					'serialize'        => null,
					'column_name'      => $name,
					// varchar(N): N. Longer strings are cut on write (see Record_Writer::columns()).
					'maxlength'        => null,
					// Fields with an option list are not cut.
					'pseudoconstant'   => false,
					// Label when it differs from the title (input_attrs.label in core).
					'label'            => null,
					// Default set by code (e.g. the current domain), not a value.
					'default_callback' => false,
				);
			}
		}
		return $cache[ $class ];
	}

	/**
	 * Implicit joins reachable with dot notation, e.g. email_primary.email.
	 *
	 * @return array<string, array{entity: string, on: string}> Join name => target entity class and ON clause ({alias} = join alias).
	 */
	public static function joins(): array {
		return array();
	}

	/**
	 * The primary key and the unique indexes, each a list of fields.
	 *
	 * @return array<int, array<int, string>>
	 */
	public static function unique_fields(): array {
		return array( array( 'id' ) );
	}

	/**
	 * Fields a create call must supply.
	 *
	 * @return array<int, string>
	 */
	public static function required_for_create(): array {
		// Core skips required fields that have a default (checkRequiredFields()).
		return array_keys( array_filter( static::fields(), static fn( $spec ) => ! empty( $spec['required'] ) && null === $spec['default_value'] && empty( $spec['default_callback'] ) && 'id' !== $spec['name'] ) );
	}

	/**
	 * Permission expression an action needs when checkPermissions is on.
	 *
	 * Core merges the entity's entry from getEntityActionPermissions() with
	 * the 'default' entry (meta: access CiviCRM; default: administer CiviCRM),
	 * maps getFields/getActions to 'meta', and picks action, then generic,
	 * then default.
	 *
	 * @see civicrm-core Civi/Api4/Generic/AbstractAction.php getPermissions()
	 * @see civicrm-core Civi/Api4/Generic/AbstractEntity.php permissions()
	 * @see civicrm-core CRM/Core/Permission.php getEntityActionPermissions()
	 *
	 * @param string $action Action name.
	 * @return array<int, string|array<int, string>>
	 */
	public static function action_permission( string $action ): array {
		$permissions = static::declared_permissions() + array(
			'meta'    => array( 'access CiviCRM' ),
			'default' => array( 'administer CiviCRM' ),
		);
		$map         = array(
			'getActions' => 'meta',
			'getFields'  => 'meta',
			'replace'    => 'delete',
			'save'       => 'create',
		);
		$generic     = $map[ $action ] ?? 'default';
		return $permissions[ $action ] ?? $permissions[ $generic ] ?? $permissions['default'];
	}

	/**
	 * Whether the current user may get this entity at all: what core asks
	 * (through `getActions`, itself a 'meta' action) before it joins it into
	 * another entity's query.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4SelectQuery.php checkEntityAccess()
	 * @see civicrm-core Civi/Api4/Action/GetActions.php (lists only authorised actions)
	 * @return bool
	 */
	public static function may_get(): bool {
		return Permissions::check( static::action_permission( 'getActions' ) ) && Permissions::check( static::action_permission( 'get' ) );
	}

	/**
	 * This entity's own entry in getEntityActionPermissions(); none by default.
	 *
	 * @return array<string, array<int, string|array<int, string>>>
	 */
	protected static function declared_permissions(): array {
		return array();
	}

	/**
	 * Row-level read restrictions (ACLs) for a get with checkPermissions.
	 *
	 * @param string $alias Table alias.
	 * @return array<int, array{0: string, 1: array<int, mixed>}> SQL conditions with their values.
	 */
	public static function acl_clauses( string $alias ): array {
		return array();
	}

	/**
	 * Row-level write check (civi.api4.authorizeRecord / _checkAccess).
	 *
	 * @param string               $action create, update or delete.
	 * @param array<string, mixed> $record Values; for update/delete at least the id.
	 * @return bool
	 */
	public static function check_access( string $action, array $record ): bool {
		return true;
	}

	/**
	 * Whether the current user may read a field with a `permission`.
	 *
	 * @param array<string, mixed> $spec Field spec.
	 * @return bool
	 */
	public static function field_permitted( array $spec ): bool {
		return empty( $spec['permission'] ) || Permissions::check( $spec['permission'] );
	}
}

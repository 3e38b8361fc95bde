<?php
/**
 * Dedicated roles for API clients.
 *
 * @package CiviKey
 */

namespace CiviKey\Permissions;

use WP_Error;

/**
 * Creates roles that hold exactly the capabilities an integration needs, and
 * gives them to service users. It only ever creates or reuses its own roles
 * (prefixed civikey_): it never changes the administrator role or takes a
 * capability away from any role.
 */
class Role_Manager {

	public const PREFIX = 'civikey_client_';

	/**
	 * The role that would hold exactly these permissions, and whether it
	 * exists already; changes nothing, so a plan can show it.
	 *
	 * @param array<int, string> $permissions CiviCRM permissions.
	 * @param string             $label       What the role is for, e.g. a profile name.
	 * @return array{role: string, name: string, exists: bool, capabilities: array<int, string>}|WP_Error
	 */
	public function plan_role( array $permissions, string $label ) {
		$capabilities = self::capabilities( $permissions );
		if ( ! $capabilities ) {
			return new WP_Error( 'civikey_role_empty', __( 'Choose at least one permission for the role.', 'civikey' ), array( 'status' => 422 ) );
		}
		if ( array_intersect( $capabilities, array( 'administrator', 'manage_options', 'edit_users', 'promote_users' ) ) ) {
			return new WP_Error( 'civikey_role_unsafe', __( 'A role for an API client may only hold CiviCRM permissions.', 'civikey' ), array( 'status' => 422 ) );
		}
		$role     = self::PREFIX . substr( md5( implode( ',', $capabilities ) ), 0, 10 );
		$existing = get_role( $role );
		return array(
			'role'         => $role,
			// An existing role keeps the name it was given: the name encodes
			// nothing, the slug encodes the capability set.
			'name'         => $existing ? ( wp_roles()->role_names[ $role ] ?? $role ) : sprintf(
				/* translators: %s: what the role allows, e.g. "Read contacts". */
				__( 'CiviCRM API client: %s', 'civikey' ),
				$label
			),
			'exists'       => null !== $existing,
			'capabilities' => $capabilities,
		);
	}

	/**
	 * The role holding exactly these permissions, created when none does.
	 *
	 * @param array<int, string> $permissions CiviCRM permissions.
	 * @param string             $label       What the role is for, e.g. a profile name.
	 * @return array{role: string, name: string, created: bool, capabilities: array<int, string>}|WP_Error
	 */
	public function ensure_role( array $permissions, string $label ) {
		$plan = $this->plan_role( $permissions, $label );
		if ( is_wp_error( $plan ) ) {
			return $plan;
		}
		if ( ! $plan['exists'] ) {
			add_role( $plan['role'], $plan['name'], array_fill_keys( $plan['capabilities'], true ) );
		}
		return array(
			'role'         => $plan['role'],
			'name'         => $plan['name'],
			'created'      => ! $plan['exists'],
			'capabilities' => $plan['capabilities'],
		);
	}

	/**
	 * Removes one of CiviKey's roles when no user holds it any more, to undo
	 * a role made for a setup that did not finish.
	 *
	 * @param string $role Role name.
	 * @return bool Whether the role is gone.
	 */
	public function remove_if_unused( string $role ): bool {
		if ( 0 !== strpos( $role, self::PREFIX ) ) {
			return false;
		}
		if ( get_users(
			array(
				'role'        => $role,
				'number'      => 1,
				'fields'      => 'ID',
				'count_total' => false,
				'blog_id'     => get_current_blog_id(),
			)
		) ) {
			return false;
		}
		remove_role( $role );
		return null === get_role( $role );
	}

	/**
	 * Gives a user a role, keeping the roles it has.
	 *
	 * @param int    $user_id User ID.
	 * @param string $role    Role name.
	 * @return true|WP_Error
	 */
	public function assign( int $user_id, string $role ) {
		$user = get_userdata( $user_id );
		if ( ! $user ) {
			return new WP_Error( 'civikey_user_missing', __( 'The linked WordPress user no longer exists. Create or link a user first.', 'civikey' ), array( 'status' => 409 ) );
		}
		if ( ! in_array( $role, $user->roles, true ) ) {
			$user->add_role( $role );
		}
		return true;
	}

	/**
	 * CiviKey's roles, for uninstall.
	 *
	 * @return array<int, string>
	 */
	public static function own_roles(): array {
		return array_values(
			array_filter(
				array_keys( wp_roles()->roles ),
				static function ( string $role ): bool {
					return 0 === strpos( $role, self::PREFIX );
				}
			)
		);
	}

	/**
	 * Capabilities for permissions, sorted and unique.
	 *
	 * @param array<int, string> $permissions CiviCRM permissions.
	 * @return array<int, string>
	 */
	private static function capabilities( array $permissions ): array {
		$capabilities = array_values( array_unique( array_filter( array_map( array( Capability_Map::class, 'capability' ), $permissions ) ) ) );
		sort( $capabilities );
		return $capabilities;
	}
}

<?php
/**
 * CiviCRM permissions on WordPress.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin;

/**
 * CiviCRM's permission check, as it runs on WordPress.
 */
final class Permissions {

	/**
	 * Never granted.
	 *
	 * @see civicrm-core CRM/Core/Permission.php ALWAYS_DENY_PERMISSION
	 */
	public const ALWAYS_DENY = '*always deny*';

	/**
	 * Always granted.
	 *
	 * @see civicrm-core CRM/Core/Permission.php ALWAYS_ALLOW_PERMISSION
	 */
	public const ALWAYS_ALLOW = '*always allow*';

	/** The permission that implies every CiviCRM permission. */
	public const SUPER = 'all CiviCRM permissions and ACLs';

	/**
	 * Permission => the permissions that imply it (besides SUPER), after
	 * core's propagation of 'implies' declarations. Only the permissions the
	 * stand-in's rules ask about are listed; any name listed here counts as a
	 * CiviCRM permission, so SUPER implies it.
	 *
	 * @see civicrm-core CRM/Core/Permission.php getCoreAndComponentPermissions() ('implies')
	 * @see civicrm-core CRM/Core/Permission.php assembleBasicPermissions(), getImpliedBy()
	 * @see civicrm-core ext/authx/authx.php authx_civicrm_permission()
	 */
	private const IMPLIED_BY = array(
		'access CiviCRM'                => array( 'administer CiviCRM' ),
		'access AJAX API'               => array(),
		'add contacts'                  => array(),
		'view all contacts'             => array( 'edit all contacts' ),
		'edit all contacts'             => array(),
		'view my contact'               => array( 'view all contacts', 'edit all contacts' ),
		'edit my contact'               => array( 'edit all contacts' ),
		'delete contacts'               => array(),
		'access deleted contacts'       => array(),
		'administer CiviCRM'            => array(),
		'administer CiviCRM system'     => array( 'administer CiviCRM' ),
		'administer CiviCRM data'       => array( 'administer CiviCRM' ),
		'edit api keys'                 => array(),
		'edit own api keys'             => array( 'edit api keys' ),
		'view debug output'             => array(),
		'merge duplicate contacts'      => array(),
		'authenticate with api key'     => array(),
		'authenticate with password'    => array(),
		'generate any authx credential' => array(),
		'validate any authx credential' => array(),
		self::SUPER                     => array(),
	);

	/**
	 * Checks a permission expression for a contact's user (or the current user).
	 *
	 * Each element must pass (AND); an element that is itself an array passes
	 * when any of its members passes (OR). The user is the one linked to
	 * $contact_id through UFMatch; with no contact, or a contact that has no
	 * linked user, it is the *current* WordPress user.
	 *
	 * @see civicrm-core CRM/Core/Permission.php check()
	 *
	 * @param string|array<int, string|array<int, string>> $permissions Permission expression.
	 * @param int|null                                     $contact_id  Contact to judge.
	 * @return bool
	 */
	public static function check( $permissions, ?int $contact_id = null ): bool {
		$user_id = $contact_id ? Session::uf_id_for_contact( $contact_id ) : null;
		foreach ( (array) $permissions as $permission ) {
			if ( is_array( $permission ) ) {
				$any = false;
				foreach ( $permission as $alternative ) {
					if ( self::check( $alternative, $contact_id ) ) {
						$any = true;
						break;
					}
				}
				if ( ! $any ) {
					return false;
				}
				continue;
			}
			$granted = false;
			foreach ( self::implied_by( (string) $permission ) as $option ) {
				if ( self::wordpress_check( $option, $user_id ) ) {
					$granted = true;
					break;
				}
			}
			if ( ! $granted ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * One permission, checked against WordPress capabilities.
	 *
	 * Administrators and super admins have every permission (unless the user
	 * id is exactly 0). Others need the capability named by lower-casing the
	 * permission and turning each run of non-alphanumerics into `_`. The
	 * anonymous visitor gets the capabilities of the `anonymous_user` role.
	 *
	 * @see civicrm-core CRM/Core/Permission/WordPress.php check()
	 * @see civicrm-core CRM/Core/Permission/Base.php translatePermission()
	 *
	 * @param string   $permission Permission name.
	 * @param int|null $user_id    WordPress user id; null means the current user.
	 * @return bool
	 */
	public static function wordpress_check( string $permission, ?int $user_id = null ): bool {
		$permission = self::translate( $permission );
		if ( self::ALWAYS_DENY === $permission ) {
			return false;
		}
		if ( self::ALWAYS_ALLOW === $permission ) {
			return true;
		}
		$user = $user_id ? get_userdata( $user_id ) : wp_get_current_user();
		if ( ! $user ) {
			// Core would fail here on a vanished user; treat it as anonymous.
			$user = new \WP_User( 0 );
		}
		if ( 0 !== $user_id && ( $user->has_cap( 'super admin' ) || $user->has_cap( 'administrator' ) ) ) {
			return true;
		}
		$capability = self::capability_name( $permission );
		if ( 0 !== $user_id && $user->exists() ) {
			return $user->has_cap( $capability );
		}
		$anonymous = wp_roles()->get_role( 'anonymous_user' );
		return $anonymous && ! empty( $anonymous->capabilities ) && array_key_exists( $capability, $anonymous->capabilities );
	}

	/**
	 * The WordPress capability that stands for a CiviCRM permission.
	 *
	 * @see civicrm-core CRM/Utils/String.php munge()
	 * @param string $permission Permission, e.g. 'edit api keys'.
	 * @return string Capability, e.g. 'edit_api_keys'.
	 */
	public static function capability_name( string $permission ): string {
		$name = preg_replace( '/[^a-zA-Z0-9]+/', '_', trim( strtolower( $permission ) ) );
		return substr( (string) $name, 0, 63 );
	}

	/**
	 * The permission itself and those that imply it.
	 *
	 * @see civicrm-core CRM/Core/Permission.php getImpliedBy()
	 * @param string $permission Permission.
	 * @return array<int, string>
	 */
	private static function implied_by( string $permission ): array {
		if ( '' !== $permission && in_array( $permission[0], array( '@', '*' ), true ) ) {
			return array( $permission );
		}
		if ( ! array_key_exists( $permission, self::IMPLIED_BY ) ) {
			return array( $permission );
		}
		return array_merge( array( $permission ), self::IMPLIED_BY[ $permission ], array( self::SUPER ) );
	}

	/**
	 * Handles the "WordPress:" and "cms:" prefixes.
	 *
	 * @see civicrm-core CRM/Core/Permission/Base.php translatePermission()
	 * @param string $permission Permission.
	 * @return string
	 */
	private static function translate( string $permission ): string {
		if ( ! preg_match( '/^(\w+):(.*)$/', $permission, $match ) ) {
			return $permission;
		}
		switch ( $match[1] ) {
			case 'WordPress':
				return $match[2];
			case 'cms':
				return 'administer users' === $match[2] ? 'edit_users' : self::ALWAYS_DENY;
			default:
				return self::ALWAYS_DENY;
		}
	}

	/**
	 * Creates the `anonymous_user` role and gives every role the minimum
	 * CiviCRM capabilities, as civicrm-wordpress does on activation; and the
	 * `access_civicrm` capability to administrators.
	 *
	 * @see civicrm-wordpress includes/civicrm.users.php set_wp_user_capabilities(), set_access_capabilities()
	 */
	public static function install_roles(): void {
		$minimum = array(
			'access_all_custom_data'                      => 1,
			'access_civimail_subscribe_unsubscribe_pages' => 1,
			'access_uploaded_files'                       => 1,
			'make_online_contributions'                   => 1,
			'profile_create'                              => 1,
			'profile_edit'                                => 1,
			'profile_view'                                => 1,
			'register_for_events'                         => 1,
			'sign_civicrm_petition'                       => 1,
			'view_event_info'                             => 1,
			'view_my_invoices'                            => 1,
			'view_public_civimail_content'                => 1,
		);
		$roles   = wp_roles();
		foreach ( array_keys( $roles->role_names ) as $role_name ) {
			$role = $roles->get_role( $role_name );
			foreach ( $minimum as $capability => $grant ) {
				if ( $role && ! $role->has_cap( $capability ) ) {
					$role->add_cap( $capability );
				}
			}
		}
		if ( ! $roles->get_role( 'anonymous_user' ) ) {
			add_role( 'anonymous_user', 'Anonymous User', $minimum );
		}
		foreach ( array( 'super admin', 'administrator' ) as $role_name ) {
			$role = $roles->get_role( $role_name );
			if ( $role && ! array_key_exists( 'access_civicrm', (array) $role->capabilities ) ) {
				$roles->add_cap( $role_name, 'access_civicrm' );
			}
		}
	}
}

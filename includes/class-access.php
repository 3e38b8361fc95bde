<?php
/**
 * Who may manage keys.
 *
 * @package CiviKey
 */

namespace CiviKey;

/**
 * The WordPress side of CiviKey's access rule. CiviCRM's side (administer
 * CiviCRM or edit api keys) is left to CiviCRM itself, through the API with
 * permission checks on.
 */
final class Access {

	public const DEFAULT_CAPABILITY = 'manage_options';

	/**
	 * On a network, only super admins hold it. WordPress users are shared by
	 * every site of a network, so a key on a contact linked to one, or a user
	 * CiviKey creates, reaches beyond the site; and WordPress itself leaves
	 * creating users and network-wide power to super admins. A site
	 * administrator holds manage_options, and CiviCRM grants the
	 * administrator role every permission, so manage_options would let them
	 * link the super admin's user to a contact and give it a key.
	 */
	public const NETWORK_CAPABILITY = 'manage_network_options';

	/**
	 * The WordPress capability needed to use CiviKey.
	 *
	 * @return string
	 */
	public static function capability(): string {
		$default = is_multisite() ? self::NETWORK_CAPABILITY : self::DEFAULT_CAPABILITY;
		/**
		 * Filters the WordPress capability needed to manage CiviCRM API keys
		 * with CiviKey. CiviCRM's own permission is checked in addition.
		 *
		 * @param string $capability Default 'manage_options'; on a network,
		 *                           'manage_network_options' (super admins).
		 */
		$capability = apply_filters( 'civikey_manage_capability', $default );
		return is_string( $capability ) && '' !== $capability ? $capability : $default;
	}

	/**
	 * Whether the current user holds that capability.
	 *
	 * @return bool
	 */
	public static function current_user_can_manage(): bool {
		return current_user_can( self::capability() );
	}
}

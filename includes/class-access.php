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
	 * The WordPress capability needed to use CiviKey.
	 *
	 * @return string
	 */
	public static function capability(): string {
		/**
		 * Filters the WordPress capability needed to manage CiviCRM API keys
		 * with CiviKey. CiviCRM's own permission is checked in addition.
		 *
		 * @param string $capability Default 'manage_options'.
		 */
		$capability = apply_filters( 'civikey_manage_capability', self::DEFAULT_CAPABILITY );
		return is_string( $capability ) && '' !== $capability ? $capability : self::DEFAULT_CAPABILITY;
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

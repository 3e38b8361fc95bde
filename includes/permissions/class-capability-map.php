<?php
/**
 * CiviCRM permission names as WordPress capabilities.
 *
 * @package CiviKey
 */

namespace CiviKey\Permissions;

/**
 * CiviCRM on WordPress stores each permission as a capability on roles,
 * named by lower-casing it and turning every run of non-word characters into
 * an underscore: "access AJAX API" becomes access_ajax_api
 * (CRM/Core/Permission/WordPress.php check(), CRM_Utils_String::munge()).
 */
final class Capability_Map {

	/**
	 * The capability CiviCRM checks for a permission.
	 *
	 * @param string $permission CiviCRM permission, e.g. "access AJAX API".
	 * @return string
	 */
	public static function capability( string $permission ): string {
		$capability = (string) preg_replace( '/\s+|\W+/', '_', trim( strtolower( $permission ) ) );
		return (string) substr( $capability, 0, 63 );
	}
}

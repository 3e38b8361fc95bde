<?php
/**
 * Stand-in for CiviCRM's permission API.
 *
 * @package CiviCRM_Standin
 */

// phpcs:disable Squiz.Classes.ValidClassName.NotCamelCaps -- CiviCRM's name.

/**
 * Permission checks.
 *
 * @see civicrm-core CRM/Core/Permission.php
 */
class CRM_Core_Permission {

	const ALWAYS_DENY_PERMISSION  = '*always deny*';
	const ALWAYS_ALLOW_PERMISSION = '*always allow*';

	/**
	 * Checks permissions for a contact's user, falling back to the CURRENT
	 * WordPress user when the contact has no linked user (as core does).
	 *
	 * @see civicrm-core CRM/Core/Permission.php check()
	 *
	 * @param string|array<int, string|array<int, string>> $permissions Permission expression (AND of ORs).
	 * @param int|null                                     $contact_id  Contact.
	 * @return bool
	 */
	public static function check( $permissions, $contact_id = null ) {
		return \CiviCRM_Standin\Permissions::check( $permissions, $contact_id ? (int) $contact_id : null );
	}
}

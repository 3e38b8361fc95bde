<?php
/**
 * Stand-in for CiviCRM's session helper.
 *
 * @package CiviCRM_Standin
 */

// phpcs:disable Squiz.Classes.ValidClassName.NotCamelCaps, WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid -- CiviCRM's names.

/**
 * The logged-in contact.
 *
 * @see civicrm-core CRM/Core/Session.php
 */
class CRM_Core_Session {

	/**
	 * The logged-in contact (the current WordPress user's UFMatch contact).
	 *
	 * @see civicrm-core CRM/Core/Session.php getLoggedInContactID()
	 * @return int|null
	 */
	public static function getLoggedInContactID() {
		return \CiviCRM_Standin\Session::logged_in_contact_id();
	}
}

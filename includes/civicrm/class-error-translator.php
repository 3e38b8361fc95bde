<?php
/**
 * CiviCRM exceptions to WordPress errors.
 *
 * @package CiviKey
 */

namespace CiviKey\CiviCRM;

use WP_Error;

/**
 * Turns what CiviCRM throws into a WP_Error with an HTTP status and a sentence
 * an admin can act on.
 *
 * CiviCRM's own messages are deliberately not passed on: a database error
 * can quote the SQL it ran, and that SQL can hold an API key.
 */
final class Error_Translator {

	/**
	 * How an admin gets the CiviCRM permissions key management needs.
	 *
	 * Editing a key is a Contact update: it needs access to CiviCRM, to see
	 * and edit the contact, and the api_key field permission
	 * (schema/Contact/Contact.entityType.php). "administer CiviCRM" covers
	 * them all.
	 *
	 * @return string
	 */
	public static function permission_fix(): string {
		return __( 'Ask a CiviCRM administrator to give your WordPress role "access CiviCRM", "view all contacts", "edit all contacts" and "edit api keys" (or "administer CiviCRM") under CiviCRM → Administer → Users and Permissions → WordPress Access Control.', 'civikey' );
	}

	/**
	 * The refusal when CiviCRM withholds api_key from the current user.
	 *
	 * @return WP_Error
	 */
	public static function api_key_forbidden(): WP_Error {
		return new WP_Error(
			'civikey_civicrm_forbidden',
			__( 'CiviCRM does not let your account read or change API keys.', 'civikey' ) . ' ' . self::permission_fix(),
			array( 'status' => 403 )
		);
	}

	/**
	 * Converts an exception from civicrm_api4().
	 *
	 * @param \Throwable $error  What CiviCRM threw.
	 * @param string     $entity Entity that was called.
	 * @param string     $action Action that was called.
	 * @return WP_Error
	 */
	public static function to_wp_error( \Throwable $error, string $entity, string $action ): WP_Error {
		if ( is_a( $error, 'Civi\\API\\Exception\\UnauthorizedException' ) ) {
			return new WP_Error(
				'civikey_civicrm_forbidden',
				sprintf(
					/* translators: 1: CiviCRM entity such as Contact, 2: API action such as update. */
					__( 'CiviCRM refused %1$s %2$s for your account.', 'civikey' ),
					$entity,
					$action
				) . ' ' . self::permission_fix(),
				array( 'status' => 403 )
			);
		}
		$data = array( 'status' => 503 );
		if ( defined( 'WP_DEBUG' ) && WP_DEBUG ) {
			// The class and code help a developer without exposing any value.
			$data['exception']    = get_class( $error );
			$data['civicrm_code'] = method_exists( $error, 'getErrorCode' ) ? $error->getErrorCode() : $error->getCode();
		}
		return new WP_Error(
			'civikey_civicrm_error',
			sprintf(
				/* translators: 1: CiviCRM entity such as Contact, 2: API action such as update. */
				__( 'CiviCRM could not complete %1$s %2$s. Try again; if it keeps failing, check CiviCRM\'s log (CiviCRM → Administer → System Settings → Debugging) for the cause.', 'civikey' ),
				$entity,
				$action
			),
			$data
		);
	}
}

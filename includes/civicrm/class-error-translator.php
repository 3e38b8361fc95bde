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
	 * The refusal when CiviCRM withholds api_key from the current user.
	 *
	 * @return WP_Error
	 */
	public static function api_key_forbidden(): WP_Error {
		return new WP_Error(
			'civikey_civicrm_forbidden',
			__( 'CiviCRM does not let your account read or change API keys. Ask a CiviCRM administrator to give your WordPress role the "edit api keys" permission (CiviCRM → Administer → Users and Permissions → WordPress Access Control).', 'civikey' ),
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
					__( 'CiviCRM refused %1$s %2$s for your account. Ask a CiviCRM administrator to grant your WordPress role the "administer CiviCRM" or "edit api keys" permission (CiviCRM → Administer → Users and Permissions).', 'civikey' ),
					$entity,
					$action
				),
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

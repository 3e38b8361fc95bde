<?php
/**
 * CiviCRM availability states.
 *
 * @package CiviKey
 */

namespace CiviKey\CiviCRM;

use WP_Error;

/**
 * The ways CiviCRM can be (un)available, and the sentence that tells an admin
 * what to do about each.
 */
final class Availability {

	public const READY         = 'ready';
	public const MISSING       = 'missing';
	public const NOT_INSTALLED = 'not_installed';
	public const UNAVAILABLE   = 'unavailable';

	/**
	 * A sentence the admin can act on, or an empty string when CiviCRM is ready.
	 *
	 * @param string $state One of the constants.
	 * @return string
	 */
	public static function message( string $state ): string {
		switch ( $state ) {
			case self::MISSING:
				return __( 'CiviCRM is not active on this site. Install and activate the CiviCRM plugin, then come back to this page.', 'civikey' );
			case self::NOT_INSTALLED:
				return __( 'The CiviCRM plugin is active but CiviCRM is not installed yet. Finish the CiviCRM installer, then come back to this page.', 'civikey' );
			case self::UNAVAILABLE:
				return __( 'CiviCRM is installed but could not be started. Check that its database is reachable and its settings file is readable, then reload this page.', 'civikey' );
			default:
				return '';
		}
	}

	/**
	 * The REST error for a state other than ready.
	 *
	 * @param string $state One of the constants.
	 * @return WP_Error
	 */
	public static function error( string $state ): WP_Error {
		return new WP_Error( 'civikey_civicrm_' . $state, self::message( $state ), array( 'status' => 503 ) );
	}
}

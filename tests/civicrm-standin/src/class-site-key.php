<?php
/**
 * CIVICRM_SITE_KEY.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin;

/**
 * Real CiviCRM defines CIVICRM_SITE_KEY in civicrm.settings.php, which
 * civicrm_initialize() includes. The stand-in takes it from the
 * CIVIKEY_STANDIN_SITE_KEY constant (the dev stack's wp-config and the test
 * config define it) or, failing that, from a value it generates once and keeps
 * in a WordPress option.
 *
 * @see civicrm-core templates/CRM/common/civicrm.settings.php.template (CIVICRM_SITE_KEY)
 */
final class Site_Key {

	/** Option holding a generated key when no constant is set. */
	public const OPTION = 'civicrm_standin_site_key';

	/**
	 * Defines CIVICRM_SITE_KEY if nothing has yet.
	 */
	public static function define(): void {
		if ( defined( 'CIVICRM_SITE_KEY' ) ) {
			return;
		}
		if ( defined( 'CIVIKEY_STANDIN_SITE_KEY' ) && '' !== (string) CIVIKEY_STANDIN_SITE_KEY ) {
			define( 'CIVICRM_SITE_KEY', (string) CIVIKEY_STANDIN_SITE_KEY );
			return;
		}
		$key = (string) get_option( self::OPTION, '' );
		if ( '' === $key ) {
			// 32 alphanumeric characters, the shape CiviCRM's installer makes.
			$key = self::random_alphanumeric( 32 );
			update_option( self::OPTION, $key, false );
		}
		define( 'CIVICRM_SITE_KEY', $key );
	}

	/**
	 * Random [A-Za-z0-9] string.
	 *
	 * @param int $length Length.
	 * @return string
	 */
	public static function random_alphanumeric( int $length ): string {
		$alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
		$out      = '';
		for ( $i = 0; $i < $length; $i++ ) {
			$out .= $alphabet[ random_int( 0, 61 ) ];
		}
		return $out;
	}
}

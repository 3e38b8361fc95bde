<?php
/**
 * The test switch that decides how the stand-in behaves.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin;

/**
 * Reads the `civicrm_standin_mode` option once, at plugin load, the way the
 * real plugin decides CIVICRM_INSTALLED once when it loads.
 */
final class Mode {

	/** CiviCRM installed and working. */
	public const READY = 'ready';

	/** Plugin active, installer never run: CIVICRM_INSTALLED is FALSE. */
	public const NOT_INSTALLED = 'not_installed';

	/** Installed, initialises, but every API call fails as if the database were down. */
	public const FAILING = 'failing';

	/** Name of the WordPress option holding the mode. */
	public const OPTION = 'civicrm_standin_mode';

	/**
	 * Mode read at load.
	 *
	 * @var string|null
	 */
	private static $mode = null;

	/**
	 * The mode for this request.
	 *
	 * @return string One of the constants.
	 */
	public static function current(): string {
		if ( null === self::$mode ) {
			$value      = function_exists( 'get_option' ) ? (string) get_option( self::OPTION, self::READY ) : self::READY;
			self::$mode = in_array( $value, array( self::READY, self::NOT_INSTALLED, self::FAILING ), true ) ? $value : self::READY;
		}
		return self::$mode;
	}

	/**
	 * Changes the mode for the rest of this request (tests only). The constant
	 * CIVICRM_INSTALLED cannot change once defined, just as in real CiviCRM.
	 *
	 * @param string $mode One of the constants.
	 */
	public static function set_for_request( string $mode ): void {
		self::$mode = $mode;
	}
}

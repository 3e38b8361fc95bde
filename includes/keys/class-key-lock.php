<?php
/**
 * One key change at a time.
 *
 * @package CiviKey
 */

namespace CiviKey\Keys;

use WP_Error;

/**
 * Serialises key changes across requests with a MariaDB/MySQL named lock.
 *
 * CiviCRM's api_key index is not unique, so "is this key free?" followed by
 * "store it" would let two requests store the same key on two contacts. The
 * lock lives in WordPress's database connection and touches no table.
 */
class Key_Lock {

	private const NAME = 'civikey_api_keys';

	/**
	 * Seconds to wait for another change to finish.
	 */
	private const TIMEOUT = 10;

	/**
	 * Runs a callback while holding the lock.
	 *
	 * @template T
	 * @param callable(): T $callback Work to do.
	 * @return T|WP_Error The callback's result, or a 409 when the lock could not be had.
	 */
	public function run( callable $callback ) {
		global $wpdb;
		$lock = $this->name();
		$got  = $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, %d)', $lock, self::TIMEOUT ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a named lock, no table.
		if ( '1' !== (string) $got ) {
			return new WP_Error(
				'civikey_busy',
				__( 'Another key change is in progress. Wait a few seconds and try again.', 'civikey' ),
				array( 'status' => 409 )
			);
		}
		try {
			return $callback();
		} finally {
			$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $lock ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a named lock, no table.
		}
	}

	/**
	 * Lock name, per database so that sites sharing a server do not wait on
	 * each other.
	 *
	 * @return string
	 */
	private function name(): string {
		global $wpdb;
		return substr( self::NAME . '_' . md5( $wpdb->dbname . $wpdb->prefix ), 0, 64 );
	}
}

<?php
/**
 * What a good API key is.
 *
 * @package CiviKey
 */

namespace CiviKey\Keys;

use WP_Error;

/**
 * The rules every key CiviKey sets must follow, and a generator that follows
 * them. The browser generates keys with the same rules (src/keys/); this
 * copy is for the command line and for checking what the browser sends.
 *
 * Letters and digits only: keys travel in headers and URLs, where `+ / = & ?`
 * and spaces are mangled by servers, proxies and copy-paste. At most 32:
 * civicrm_contact.api_key is varchar(32). At least 20: 62^20 is about 2^119.
 */
final class Key_Policy {

	public const MIN_LENGTH     = 20;
	public const MAX_LENGTH     = 32;
	public const DEFAULT_LENGTH = 32;
	public const ALPHABET       = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

	/**
	 * Checks a key's form. Uniqueness and the site-key rule need CiviCRM and
	 * are checked by the key service.
	 *
	 * Messages never quote the key: error text can end up in logs.
	 *
	 * @param mixed $key Candidate key.
	 * @return true|WP_Error
	 */
	public static function check_form( $key ) {
		if ( ! is_string( $key ) || '' === $key ) {
			return self::invalid( 'civikey_key_empty', __( 'Enter a key, or generate one.', 'civikey' ) );
		}
		$length = strlen( $key );
		if ( preg_match( '/[^A-Za-z0-9]/', $key ) ) {
			$others = (int) preg_match_all( '/[^A-Za-z0-9]/u', $key );
			return self::invalid(
				'civikey_key_characters',
				sprintf(
					/* translators: %d: number of characters that are not letters or digits. */
					_n(
						'The key contains %d character that is not a letter (A–Z, a–z) or a digit (0–9). Spaces and symbols such as + / = & ? are mangled in headers and URLs; use letters and digits only.',
						'The key contains %d characters that are not letters (A–Z, a–z) or digits (0–9). Spaces and symbols such as + / = & ? are mangled in headers and URLs; use letters and digits only.',
						max( 1, $others ),
						'civikey'
					),
					max( 1, $others )
				)
			);
		}
		if ( $length < self::MIN_LENGTH || $length > self::MAX_LENGTH ) {
			return self::invalid(
				'civikey_key_length',
				sprintf(
					/* translators: 1: the key's length, 2: minimum length, 3: maximum length. */
					__( 'The key is %1$d characters long; it must be %2$d to %3$d characters (CiviCRM stores at most 32).', 'civikey' ),
					$length,
					self::MIN_LENGTH,
					self::MAX_LENGTH
				)
			);
		}
		return true;
	}

	/**
	 * A new random key, uniform over the alphabet (random_int is unbiased).
	 *
	 * @param int $length Length, MIN_LENGTH to MAX_LENGTH.
	 * @return string
	 * @throws \InvalidArgumentException When the length is out of range.
	 */
	public static function generate( int $length = self::DEFAULT_LENGTH ): string {
		if ( $length < self::MIN_LENGTH || $length > self::MAX_LENGTH ) {
			throw new \InvalidArgumentException(
				sprintf( 'Key length must be %d to %d.', self::MIN_LENGTH, self::MAX_LENGTH ) // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- numbers only.
			);
		}
		$last = strlen( self::ALPHABET ) - 1;
		$key  = '';
		for ( $i = 0; $i < $length; $i++ ) {
			$key .= self::ALPHABET[ random_int( 0, $last ) ];
		}
		return $key;
	}

	/**
	 * What may be shown of a key: its length, and its last four characters
	 * when the key is long enough that four characters give little away (old
	 * keys set by hand can be very short).
	 *
	 * @param string|null $key Stored key.
	 * @return array{last4: string, length: int}|null
	 */
	public static function fingerprint( ?string $key ): ?array {
		if ( null === $key || '' === $key ) {
			return null;
		}
		$length = strlen( $key );
		return array(
			'last4'  => $length >= self::MIN_LENGTH ? substr( $key, -4 ) : '',
			'length' => $length,
		);
	}

	/**
	 * A 422 error.
	 *
	 * @param string $code    Error code.
	 * @param string $message Sentence to act on.
	 * @return WP_Error
	 */
	private static function invalid( string $code, string $message ): WP_Error {
		return new WP_Error( $code, $message, array( 'status' => 422 ) );
	}
}

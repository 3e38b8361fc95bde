/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	DEFAULT_KEY_LENGTH,
	KEY_ALPHABET,
	MAX_KEY_LENGTH,
	MIN_KEY_LENGTH,
} from './constants';
import type { RandomSource } from './types';

/**
 * Bytes at or above this value are thrown away: 248 = 4 × 62 is the largest
 * multiple of the alphabet size that fits in a byte, so `byte % 62` of the
 * bytes kept is exactly uniform (no modulo bias).
 */
export const REJECTION_THRESHOLD =
	Math.floor( 256 / KEY_ALPHABET.length ) * KEY_ALPHABET.length;

/**
 * A source that keeps returning rejected bytes is broken; give up rather than
 * loop for ever. With a real source, the chance of reaching this is
 * (8/256)^(rounds × bytes), i.e. nil.
 */
const MAX_ROUNDS = 64;

/**
 * Generates a random key in the browser.
 *
 * Each character comes from one random byte: bytes ≥ 248 are rejected and the
 * rest are mapped with `byte % 62`, so every character of the alphabet is
 * equally likely. Only the cryptographic source is used, never Math’s PRNG.
 *
 * @param  length Number of characters, 20 to 32.
 * @param  random Source of random bytes; `crypto.getRandomValues` by default.
 * @return The key.
 * @throws {RangeError} When the length is out of range.
 * @throws {Error} When the random source keeps returning unusable bytes.
 */
export function generateKey(
	length: number = DEFAULT_KEY_LENGTH,
	random: RandomSource = crypto.getRandomValues.bind( crypto )
): string {
	if (
		! Number.isInteger( length ) ||
		length < MIN_KEY_LENGTH ||
		length > MAX_KEY_LENGTH
	) {
		throw new RangeError(
			sprintf(
				/* translators: 1: minimum key length, 2: maximum key length. */
				__( 'A key must be %1$d to %2$d characters long.', 'civikey' ),
				MIN_KEY_LENGTH,
				MAX_KEY_LENGTH
			)
		);
	}

	const characters: string[] = [];
	for (
		let round = 0;
		round < MAX_ROUNDS && characters.length < length;
		round++
	) {
		// Ask for a few spare bytes: about 3% of them are rejected.
		const bytes = random(
			new Uint8Array( length - characters.length + 8 )
		);
		for ( const byte of bytes ) {
			if ( byte >= REJECTION_THRESHOLD ) {
				continue;
			}
			characters.push( KEY_ALPHABET[ byte % KEY_ALPHABET.length ] );
			if ( characters.length === length ) {
				break;
			}
		}
	}

	if ( characters.length < length ) {
		throw new Error(
			__(
				'The browser’s random number generator is not working. Try another browser.',
				'civikey'
			)
		);
	}
	return characters.join( '' );
}

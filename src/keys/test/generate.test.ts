/**
 * External dependencies
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';

/**
 * Internal dependencies
 */
import {
	generateKey,
	KEY_ALPHABET,
	MAX_KEY_LENGTH,
	MIN_KEY_LENGTH,
	REJECTION_THRESHOLD,
} from '..';
import type { RandomSource } from '..';

/**
 * Critical value of the chi-square distribution with 61 degrees of freedom
 * (62 bins − 1) at 99.99 %: a uniform generator exceeds it once in 10,000
 * runs. (Computed from the regularised incomplete gamma function; 116 would
 * be the 99.997 % point.)
 */
const CHI_SQUARE_CRITICAL_61_DF_9999 = 110.84;

/**
 * Pearson's chi-square statistic of the characters of `text` against a
 * uniform distribution over the key alphabet.
 *
 * @param text Characters from the alphabet.
 * @return The statistic.
 */
function chiSquare( text: string ): number {
	const counts = new Map< string, number >(
		Array.from( KEY_ALPHABET, ( character ) => [ character, 0 ] )
	);
	for ( const character of text ) {
		counts.set( character, ( counts.get( character ) ?? 0 ) + 1 );
	}
	const expected = text.length / KEY_ALPHABET.length;
	let statistic = 0;
	for ( const observed of counts.values() ) {
		statistic += ( observed - expected ) ** 2 / expected;
	}
	return statistic;
}

/**
 * A random source that hands out the given bytes in order, then fails the
 * test if asked for more.
 *
 * @param bytes Bytes to hand out.
 * @return The source, and how many bytes it handed out.
 */
function scriptedRandom( bytes: number[] ) {
	let position = 0;
	const random: RandomSource = ( array ) => {
		for ( let index = 0; index < array.length; index++ ) {
			// Past the script: hand out a byte that is always rejected, so
			// the generator cannot finish with bytes the test did not choose.
			array[ index ] = position < bytes.length ? bytes[ position ] : 255;
			position++;
		}
		return array;
	};
	return {
		random,
		used: () => Math.min( position, bytes.length ),
	};
}

describe( 'generateKey', () => {
	afterEach( () => {
		jest.restoreAllMocks();
	} );

	it( 'should make 32-character keys by default', () => {
		expect( generateKey() ).toMatch( /^[A-Za-z0-9]{32}$/ );
	} );

	it.each(
		Array.from(
			{ length: MAX_KEY_LENGTH - MIN_KEY_LENGTH + 1 },
			( _, index ) => MIN_KEY_LENGTH + index
		)
	)( 'should make a key of %d letters and digits', ( length ) => {
		for ( let run = 0; run < 20; run++ ) {
			const key = generateKey( length );
			expect( key ).toHaveLength( length );
			expect( key ).toMatch( /^[A-Za-z0-9]+$/ );
		}
	} );

	it.each( [ 0, 19, 33, 64, -1, 20.5, Number.NaN, Infinity ] )(
		'should throw a RangeError for a length of %p',
		( length ) => {
			expect( () => generateKey( length ) ).toThrow( RangeError );
			expect( () => generateKey( length ) ).toThrow(
				'A key must be 20 to 32 characters long.'
			);
		}
	);

	it( 'should use the alphabet A–Z a–z 0–9, 62 characters', () => {
		expect( KEY_ALPHABET ).toHaveLength( 62 );
		expect( new Set( KEY_ALPHABET ).size ).toBe( 62 );
		expect( KEY_ALPHABET ).toMatch( /^[A-Za-z0-9]+$/ );
		expect( REJECTION_THRESHOLD ).toBe( 248 );
	} );

	it( 'should map each accepted byte to the alphabet with byte % 62', () => {
		const bytes = Array.from( { length: 20 }, ( _, index ) => index * 12 );
		const { random } = scriptedRandom( bytes );

		expect( generateKey( 20, random ) ).toBe(
			bytes.map( ( byte ) => KEY_ALPHABET[ byte % 62 ] ).join( '' )
		);
	} );

	it( 'should skip bytes 248 to 255 (rejection sampling)', () => {
		const rejected = [ 248, 249, 250, 251, 252, 253, 254, 255 ];
		// Byte 0 → "A", 61 → "9", 62 → "A", 247 → 247 % 62 = 61 → "9".
		const accepted = [ 0, 61, 62, 247, 1, 2, 3, 4, 5, 6 ];
		const bytes = [
			...rejected,
			...accepted.slice( 0, 5 ),
			...rejected,
			...accepted.slice( 5 ),
			...accepted,
		];
		const { random, used } = scriptedRandom( bytes );

		const key = generateKey( 20, random );

		expect( key ).toBe( 'A9A9BCDEFGA9A9BCDEFG' );
		// Every scripted byte was read: the 16 rejected ones were skipped,
		// not turned into characters.
		expect( used() ).toBe( bytes.length );
	} );

	it( 'should ask for more bytes when too many were rejected', () => {
		const random = jest.fn( ( array: Uint8Array ) => {
			// First call: all rejected. Later calls: all "B".
			array.fill( random.mock.calls.length === 1 ? 250 : 1 );
			return array;
		} );

		expect( generateKey( 20, random ) ).toBe( 'B'.repeat( 20 ) );
		expect( random ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'should give up, not loop for ever, when every byte is rejected', () => {
		const random: RandomSource = ( array ) => array.fill( 255 );

		expect( () => generateKey( 20, random ) ).toThrow(
			'random number generator is not working'
		);
	} );

	it( 'should use crypto.getRandomValues by default', () => {
		const spy = jest.spyOn( crypto, 'getRandomValues' );

		generateKey();

		expect( spy ).toHaveBeenCalled();
	} );

	it( 'should never call Math.random', () => {
		const spy = jest.spyOn( Math, 'random' );

		for ( let run = 0; run < 100; run++ ) {
			generateKey( MIN_KEY_LENGTH + ( run % 13 ) );
		}

		expect( spy ).toHaveBeenCalledTimes( 0 );
	} );

	it( 'should be uniform over the alphabet (chi-square, 100,000 characters)', () => {
		let text = '';
		while ( text.length < 100_000 ) {
			text += generateKey( 32 );
		}
		text = text.slice( 0, 100_000 );

		expect( chiSquare( text ) ).toBeLessThan(
			CHI_SQUARE_CRITICAL_61_DF_9999
		);
	} );

	it( 'should have a uniformity test that catches modulo bias', () => {
		// What generateKey would produce without rejection sampling: bytes
		// 248–255 fold onto the first 8 characters, which then come up 5/4
		// as often as the others.
		let biased = '';
		for ( let chunk = 0; chunk < 4; chunk++ ) {
			// getRandomValues fills at most 65,536 bytes at a time.
			const bytes = crypto.getRandomValues( new Uint8Array( 25_000 ) );
			biased += Array.from(
				bytes,
				( byte ) => KEY_ALPHABET[ byte % 62 ]
			).join( '' );
		}

		expect( chiSquare( biased ) ).toBeGreaterThan(
			CHI_SQUARE_CRITICAL_61_DF_9999
		);
	} );
} );

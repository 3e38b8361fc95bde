/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { describeCharacter, generateKey, validateKey } from '..';
import type { KeyProblem } from '..';

/**
 * The problems of an invalid key; fails the test for a valid one.
 *
 * @param key Key.
 * @return Its problems.
 */
function problemsOf( key: string ): KeyProblem[] {
	const result = validateKey( key );
	if ( result.valid ) {
		throw new Error( 'Expected the key to be invalid.' );
	}
	return result.problems;
}

describe( 'validateKey', () => {
	it.each( [
		'A'.repeat( 20 ),
		'abcdefghijklmnopqrstuvwxyz012345',
		'0123456789ABCDEFGHIJabcdefghij',
	] )( 'should accept %s', ( key ) => {
		expect( validateKey( key ) ).toEqual( { valid: true } );
	} );

	it( 'should accept every generated key', () => {
		for ( let length = 20; length <= 32; length++ ) {
			expect( validateKey( generateKey( length ) ) ).toEqual( {
				valid: true,
			} );
		}
	} );

	it( 'should say an empty key is empty, and nothing else', () => {
		expect( problemsOf( '' ) ).toEqual( [
			{ code: 'empty', message: 'Enter a key, or generate one.' },
		] );
	} );

	it( 'should say by how much a key is too short', () => {
		expect( problemsOf( 'a'.repeat( 18 ) ) ).toEqual( [
			{
				code: 'too_short',
				length: 18,
				by: 2,
				message:
					'The key is 2 characters too short: it has 18 and needs at least 20.',
			},
		] );
		expect( problemsOf( 'a'.repeat( 19 ) )[ 0 ].message ).toBe(
			'The key is 1 character too short: it has 19 and needs at least 20.'
		);
	} );

	it( 'should say by how much a key is too long', () => {
		expect( problemsOf( 'a'.repeat( 35 ) ) ).toEqual( [
			{
				code: 'too_long',
				length: 35,
				by: 3,
				message:
					'The key is 3 characters too long: it has 35, and CiviCRM stores at most 32.',
			},
		] );
	} );

	it( 'should name a space and a symbol', () => {
		const [ problem ] = problemsOf( 'abcdefghij klmnopqr&stu' );

		expect( problem ).toEqual( {
			code: 'characters',
			count: 2,
			characters: [ ' ', '&' ],
			message:
				'The key contains 2 characters that are not letters or digits (A–Z, a–z, 0–9): a space and “&”.',
		} );
	} );

	it( 'should use the singular for one character', () => {
		expect( problemsOf( 'abcdefghij+klmnopqrstu' )[ 0 ].message ).toBe(
			'The key contains 1 character that is not a letter or digit (A–Z, a–z, 0–9): “+”.'
		);
	} );

	it( 'should list each character once, with how often it occurs', () => {
		const [ problem ] = problemsOf( 'abc def ghi/jkl mno/pqrst=' );

		expect( problem.message ).toBe(
			'The key contains 6 characters that are not letters or digits (A–Z, a–z, 0–9): a space (3 times), “/” (2 times) and “=”.'
		);
	} );

	it( 'should name invisible characters instead of quoting them', () => {
		const [ problem ] = problemsOf(
			'abcdefghij\tklmnop\u00a0qrstu\u200bvwx\u200eyz'
		);

		expect( problem.message ).toContain(
			'a tab, a non-breaking space, a zero-width space and an invisible character (U+200E).'
		);
	} );

	it( 'should say when whitespace at the start or end came from copying', () => {
		const [ problem ] = problemsOf( ' abcdefghijklmnopqrstuvwxyz\r\n' );

		expect( problem.message ).toBe(
			'The key contains 3 characters that are not letters or digits (A–Z, a–z, 0–9): a space and a line break (2 times). They are at the start or end of the key, which often happens when copying: remove them.'
		);
	} );

	it( 'should not blame copying for whitespace inside the key', () => {
		const [ problem ] = problemsOf( 'abcdefghij klmnopqrstuvwxyz' );

		expect( problem.message ).not.toContain( 'copying' );
	} );

	it( 'should report characters and length together', () => {
		const problems = problemsOf( 'é'.repeat( 2 ) + 'abc' );

		expect( problems.map( ( problem ) => problem.code ) ).toEqual( [
			'characters',
			'too_short',
		] );
		expect( problems[ 0 ].message ).toContain( '2 characters' );
		expect( problems[ 0 ].message ).toContain( '“é” (2 times)' );
		// Length is counted in characters, not UTF-16 units.
		expect( problems[ 1 ] ).toMatchObject( { length: 5, by: 15 } );
	} );

	it( 'should count an emoji as one character', () => {
		const [ problem ] = problemsOf( 'abcdefghijklmnopqrst😀' );

		expect( problem ).toMatchObject( {
			code: 'characters',
			count: 1,
			characters: [ '😀' ],
		} );
	} );

	it( 'should cut a very long list short', () => {
		const [ problem ] = problemsOf( '!"#$%&()*+,-./:;<=>?@[]^_{|}~abc' );

		expect( problem.message ).toMatch( /and \d+ others\.$/ );
	} );
} );

describe( 'describeCharacter', () => {
	it.each( [
		[ ' ', 'a space' ],
		[ '\t', 'a tab' ],
		[ '\n', 'a line break' ],
		[ '\r', 'a line break' ],
		[ '\u2003', 'a space-like character (U+2003)' ],
		[ '\u0007', 'an invisible character (U+0007)' ],
		[ '\ufeff', 'an invisible byte order mark (U+FEFF)' ],
		[ '&', '“&”' ],
	] )( 'should describe %p as %p', ( character, description ) => {
		expect( describeCharacter( character ) ).toBe( description );
	} );
} );

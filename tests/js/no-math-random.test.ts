/**
 * Static check: no shipped source file uses Math.random, which is not a
 * cryptographically secure source and must never produce key material.
 * Keys come from crypto.getRandomValues (src/keys/generate.ts).
 */

/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join( __dirname, '..', '..' );
const SOURCE = join( ROOT, 'src' );

/** `Math.random`, `Math [ 'random' ]`, `Math?.random`… */
const MATH_RANDOM = /\bMath\s*(?:\?\.|\.|\[\s*['"`])\s*random\b/;

/**
 * Every .ts/.tsx file under `directory`, tests excluded (they may spy on
 * Math.random to prove it is not called).
 *
 * @param directory Folder to walk.
 * @return Absolute paths.
 */
function sourceFiles( directory: string ): string[] {
	return readdirSync( directory, { withFileTypes: true } ).flatMap(
		( entry ) => {
			const path = join( directory, entry.name );
			if ( entry.isDirectory() ) {
				return entry.name === 'test' ? [] : sourceFiles( path );
			}
			return /\.tsx?$/.test( entry.name ) &&
				! /\.test\.tsx?$/.test( entry.name )
				? [ path ]
				: [];
		}
	);
}

describe( 'source files', () => {
	const files = sourceFiles( SOURCE );

	it( 'should be found', () => {
		expect( files.map( ( file ) => relative( ROOT, file ) ) ).toContain(
			join( 'src', 'keys', 'generate.ts' )
		);
	} );

	it( 'should never use Math.random', () => {
		const offenders = files
			.filter( ( file ) =>
				MATH_RANDOM.test( readFileSync( file, 'utf8' ) )
			)
			.map( ( file ) => relative( ROOT, file ) );

		expect( offenders ).toEqual( [] );
	} );

	it( 'should have a pattern that would catch it', () => {
		expect( MATH_RANDOM.test( 'const x = Math.random();' ) ).toBe( true );
		expect( MATH_RANDOM.test( "Math[ 'random' ]()" ) ).toBe( true );
		expect( MATH_RANDOM.test( 'crypto.getRandomValues( a )' ) ).toBe(
			false
		);
	} );
} );

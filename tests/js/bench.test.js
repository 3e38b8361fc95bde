/**
 * The arithmetic and parsing behind `npm run bench` (bench/lib): a wrong
 * percentile or a misread bundle size would put wrong figures in the README.
 */

/**
 * External dependencies
 */
const { describe, expect, it } = require( '@jest/globals' );
const { readFileSync } = require( 'fs' );
const { join } = require( 'path' );

/**
 * Internal dependencies
 */
const {
	percentile,
	median,
	ratio,
	roundMs,
	roundRatio,
} = require( '../../bench/lib/stats' );
const { parseBundleLine } = require( '../../bench/lib/bundle' );

describe( 'percentile', () => {
	it( 'should take the mean of the middle two samples as the median of an even count', () => {
		expect( median( [ 40, 10, 30, 20 ] ) ).toBe( 25 );
	} );

	it( 'should take the middle sample as the median of an odd count, whatever the order', () => {
		expect( median( [ 9, 1, 5 ] ) ).toBe( 5 );
	} );

	it( 'should interpolate p95 between the two nearest ranks', () => {
		const oneToTwenty = Array.from( { length: 20 }, ( _, i ) => i + 1 );
		// Rank 0.95 × 19 = 18.05: a twentieth of the way from 19 to 20.
		expect( percentile( oneToTwenty, 95 ) ).toBeCloseTo( 19.05, 10 );
	} );

	it( 'should give the smallest and largest sample at 0 and 100', () => {
		expect( percentile( [ 3, 7, 5 ], 0 ) ).toBe( 3 );
		expect( percentile( [ 3, 7, 5 ], 100 ) ).toBe( 7 );
	} );

	it( 'should leave out samples that are not numbers, and give null without any', () => {
		expect( median( [ Number.NaN, 4, Infinity, 6 ] ) ).toBe( 5 );
		expect( median( [] ) ).toBeNull();
	} );

	it( 'should not reorder the caller’s samples', () => {
		const samples = [ 3, 1, 2 ];
		median( samples );
		expect( samples ).toEqual( [ 3, 1, 2 ] );
	} );

	it( 'should refuse a percentile outside 0 to 100', () => {
		expect( () => percentile( [ 1 ], 101 ) ).toThrow( RangeError );
		expect( () => percentile( [ 1 ], -1 ) ).toThrow( RangeError );
	} );
} );

describe( 'ratio and rounding', () => {
	it( 'should divide ours by theirs', () => {
		expect( ratio( 300, 120 ) ).toBe( 2.5 );
	} );

	it( 'should give null rather than Infinity or a guess when a side is missing or zero', () => {
		expect( ratio( 5, 0 ) ).toBeNull();
		expect( ratio( null, 5 ) ).toBeNull();
		expect( ratio( 5, null ) ).toBeNull();
	} );

	it( 'should keep a decimal below 100 ms and whole milliseconds above', () => {
		expect( roundMs( 88.84 ) ).toBe( 88.8 );
		expect( roundMs( 2355.4 ) ).toBe( 2355 );
		expect( roundMs( null ) ).toBeNull();
	} );

	it( 'should round ratios to two decimals', () => {
		expect( roundRatio( 26.5149 ) ).toBe( 26.51 );
	} );
} );

describe( 'parseBundleLine', () => {
	it( 'should read the line bin/check-bundle.sh prints', () => {
		// The line as the script's own source writes it, with figures put in,
		// so a change to its wording fails here and not in a bench run.
		const script = readFileSync(
			join( __dirname, '..', '..', 'bin', 'check-bundle.sh' ),
			'utf8'
		);
		const template = /log "(build\/index\.js: [^"]+)"/.exec( script )[ 1 ];
		const line = template
			.replace( '$raw', '73677' )
			.replace( '$gzipped', '20267' )
			.replace( '$budget', '20480' )
			.replace( '$extra', '6942' );

		expect( parseBundleLine( `[civikey] ${ line }\n` ) ).toEqual( {
			bytes: 73677,
			gzip_bytes: 20267,
			gzip_budget_bytes: 20480,
			lazy_chunks_gzip_bytes: 6942,
		} );
	} );

	it( 'should give null for output without the line', () => {
		expect(
			parseBundleLine( '[civikey] error: build/index.js is missing' )
		).toBeNull();
	} );
} );

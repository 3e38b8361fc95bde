/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { buildApi4Command, buildIdentityCommand, shellQuote } from '../curl';

const URL = 'https://example.org/civicrm/ajax/api4/Contact/get';

describe( 'shellQuote', () => {
	it( 'should single-quote, escaping single quotes', () => {
		expect( shellQuote( 'abc' ) ).toBe( "'abc'" );
		expect( shellQuote( "it's $HOME" ) ).toBe( `'it'\\''s $HOME'` );
	} );
} );

describe( 'buildApi4Command', () => {
	it( 'should build the APIv4 request with a placeholder key', () => {
		expect(
			buildApi4Command( {
				url: URL,
				apiKey: null,
				siteKeyHeader: 'not_required',
				siteKey: null,
			} )
		).toBe(
			[
				`curl -X POST '${ URL }' \\`,
				`  -H 'X-Civi-Auth: Bearer YOUR_API_KEY' \\`,
				`  --data-urlencode 'params={"select":["id","display_name"],"limit":5}'`,
			].join( '\n' )
		);
	} );

	it( 'should hold the real key when given one', () => {
		expect(
			buildApi4Command( {
				url: URL,
				apiKey: 'Abc123',
				siteKeyHeader: 'not_required',
				siteKey: null,
			} )
		).toContain( `-H 'X-Civi-Auth: Bearer Abc123'` );
	} );

	it( 'should send the site key when AuthX requires it, as a placeholder until revealed', () => {
		const options = {
			url: URL,
			apiKey: null,
			siteKeyHeader: 'required' as const,
			siteKey: null,
		};

		expect( buildApi4Command( options ) ).toContain(
			`  -H 'X-Civi-Key: YOUR_SITE_KEY' \\\n  --data-urlencode`
		);
		expect(
			buildApi4Command( { ...options, siteKey: "s'cret" } )
		).toContain( `-H 'X-Civi-Key: s'\\''cret'` );
	} );

	it( 'should explain the site key in a comment when it depends on the user', () => {
		const command = buildApi4Command( {
			url: URL,
			apiKey: null,
			siteKeyHeader: 'depends_on_user',
			siteKey: null,
		} );
		const lines = command.split( '\n' );

		expect( lines[ 0 ] ).toMatch( /^# If CiviCRM answers 401/ );
		expect( lines[ 1 ] ).toBe( `#   -H 'X-Civi-Key: YOUR_SITE_KEY'` );
		expect( lines[ 2 ] ).toBe( `curl -X POST '${ URL }' \\` );
		// The command itself does not send it.
		expect( lines.slice( 2 ).join( '\n' ) ).not.toContain( 'X-Civi-Key' );
	} );

	it( 'should quote a URL with a single quote in it', () => {
		expect(
			buildApi4Command( {
				url: "https://example.org/o'brien/civicrm/ajax/api4/Contact/get",
				apiKey: null,
				siteKeyHeader: 'not_required',
				siteKey: null,
			} )
		).toContain( `'https://example.org/o'\\''brien/civicrm` );
	} );
} );

describe( 'buildIdentityCommand', () => {
	it( 'should GET the identity URL with the key', () => {
		expect(
			buildIdentityCommand( {
				url: 'https://example.org/civicrm/authx/id',
				apiKey: 'Abc123',
				siteKeyHeader: 'required',
				siteKey: null,
			} )
		).toBe(
			[
				`curl 'https://example.org/civicrm/authx/id' \\`,
				`  -H 'X-Civi-Auth: Bearer Abc123' \\`,
				`  -H 'X-Civi-Key: YOUR_SITE_KEY'`,
			].join( '\n' )
		);
	} );
} );

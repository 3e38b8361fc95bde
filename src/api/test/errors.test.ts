/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { normalizeError } from '../errors';

describe( 'normalizeError', () => {
	it( 'should keep the code, message and status of a WP_Error', () => {
		expect(
			normalizeError( {
				code: 'rest_no_route',
				message:
					'No route was found matching the URL and request method.',
				data: { status: 404 },
			} )
		).toEqual( {
			code: 'rest_no_route',
			message: 'No route was found matching the URL and request method.',
			status: 404,
		} );
	} );

	it( 'should leave out the status when the WP_Error has none', () => {
		expect(
			normalizeError( { code: 'civikey_error', message: 'Nope.' } )
		).toEqual( { code: 'civikey_error', message: 'Nope.' } );
	} );

	it( 'should give a fallback sentence to a WP_Error without a message', () => {
		const error = normalizeError( {
			code: 'internal_server_error',
			message: '',
			data: { status: 500 },
		} );

		expect( error.code ).toBe( 'internal_server_error' );
		expect( error.status ).toBe( 500 );
		expect( error.message ).toMatch( /reload the page and try again/i );
	} );

	it( 'should explain an expired nonce', () => {
		const error = normalizeError( {
			code: 'rest_cookie_invalid_nonce',
			message: 'Cookie check failed',
			data: { status: 403 },
		} );

		expect( error ).toEqual( {
			code: 'rest_cookie_invalid_nonce',
			message: expect.stringContaining( 'session has expired' ),
			status: 403,
		} );
	} );

	it.each( [
		[ 'fetch_error', { code: 'fetch_error', message: 'x' } ],
		[ 'offline_error', { code: 'offline_error', message: 'x' } ],
		[ 'unknown_error', new TypeError( 'Failed to fetch' ) ],
		[ 'unknown_error', { message: 'No code at all' } ],
	] )( 'should give the network sentence to a %s', ( code, thrown ) => {
		expect( normalizeError( thrown ) ).toEqual( {
			code,
			message: expect.stringContaining(
				'could not reach the WordPress REST API'
			),
		} );
	} );

	it( 'should recognise an aborted request', () => {
		const abort = new DOMException( 'The user aborted.', 'AbortError' );

		expect( normalizeError( abort ).code ).toBe( 'aborted' );
	} );

	it.each( [ undefined, null, 'boom', 42 ] )(
		'should give a fallback sentence to %p',
		( thrown ) => {
			expect( normalizeError( thrown ) ).toEqual( {
				code: 'unknown_error',
				message: expect.stringMatching( /try again/i ),
			} );
		}
	);
} );

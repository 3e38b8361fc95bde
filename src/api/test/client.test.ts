/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { getStatus, STATUS_PATH } from '../client';
import { makeStatus } from '../../../tests/js/fixtures/status';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock<
	( options: unknown ) => Promise< unknown >
>;

describe( 'getStatus', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'should request GET /civikey/v1/status and resolve with the status', async () => {
		const status = makeStatus();
		mockApiFetch.mockResolvedValue( status );

		await expect( getStatus() ).resolves.toEqual( status );
		expect( STATUS_PATH ).toBe( '/civikey/v1/status' );
		expect( mockApiFetch ).toHaveBeenCalledTimes( 1 );
		expect( mockApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( { path: '/civikey/v1/status' } )
		);
		// No method means GET.
		expect( mockApiFetch.mock.calls[ 0 ][ 0 ] ).not.toHaveProperty(
			'method'
		);
	} );

	it( 'should pass the abort signal on', async () => {
		mockApiFetch.mockResolvedValue( makeStatus() );
		const controller = new AbortController();

		await getStatus( { signal: controller.signal } );

		expect( mockApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( { signal: controller.signal } )
		);
	} );

	it( 'should reject with the code, message and HTTP status of a WP_Error', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'rest_forbidden',
			message: 'Sorry, you are not allowed to do that.',
			data: { status: 403 },
		} );

		await expect( getStatus() ).rejects.toEqual( {
			code: 'rest_forbidden',
			message: 'Sorry, you are not allowed to do that.',
			status: 403,
		} );
	} );

	it( 'should reject with an actionable message when the server cannot be reached', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'fetch_error',
			message: 'Could not get a valid response from the server.',
		} );

		await expect( getStatus() ).rejects.toEqual( {
			code: 'fetch_error',
			message: expect.stringContaining(
				'could not reach the WordPress REST API'
			),
		} );
	} );

	it( 'should reject with an actionable message when the response is not JSON', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'invalid_json',
			message: 'The response is not a valid JSON response.',
		} );

		await expect( getStatus() ).rejects.toEqual( {
			code: 'invalid_json',
			message: expect.stringContaining( 'Check the PHP error log' ),
		} );
	} );

	it( 'should reject with invalid_response when the JSON is not a status', async () => {
		mockApiFetch.mockResolvedValue( { hello: 'world' } );

		await expect( getStatus() ).rejects.toEqual( {
			code: 'invalid_response',
			message: expect.stringContaining( 'could not read' ),
		} );
	} );
} );

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
import { getConnection, getSiteKeyInfo, revealSiteKey } from '../client';
import { makeConnection } from '../../../tests/js/fixtures/connection';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock<
	( options: unknown ) => Promise< unknown >
>;

describe( 'getSiteKeyInfo', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'should GET /civikey/v1/site-key', async () => {
		mockApiFetch.mockResolvedValue( { defined: true, length: 40 } );

		await expect( getSiteKeyInfo() ).resolves.toEqual( {
			defined: true,
			length: 40,
		} );
		expect( mockApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( { path: '/civikey/v1/site-key' } )
		);
		expect( mockApiFetch.mock.calls[ 0 ][ 0 ] ).not.toHaveProperty(
			'method'
		);
	} );
} );

describe( 'revealSiteKey', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'should POST to /civikey/v1/site-key/reveal and resolve with the key', async () => {
		mockApiFetch.mockResolvedValue( { site_key: 's3cr3t/+=' } );

		await expect( revealSiteKey() ).resolves.toBe( 's3cr3t/+=' );
		expect( mockApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: '/civikey/v1/site-key/reveal',
				method: 'POST',
			} )
		);
	} );

	it( 'should reject with civikey_site_key_forbidden', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'civikey_site_key_forbidden',
			message: 'Only people CiviCRM lets edit API keys may see it.',
			data: { status: 403 },
		} );

		await expect( revealSiteKey() ).rejects.toMatchObject( {
			code: 'civikey_site_key_forbidden',
			status: 403,
		} );
	} );

	it( 'should reject a body without the key', async () => {
		mockApiFetch.mockResolvedValue( {} );

		await expect( revealSiteKey() ).rejects.toMatchObject( {
			code: 'invalid_response',
		} );
	} );
} );

describe( 'getConnection', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'should GET /civikey/v1/connection', async () => {
		const connection = makeConnection( {
			site_key_header: 'depends_on_user',
		} );
		mockApiFetch.mockResolvedValue( connection );

		await expect( getConnection() ).resolves.toEqual( connection );
		expect( mockApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( { path: '/civikey/v1/connection' } )
		);
	} );

	it( 'should reject an unknown site_key_header', async () => {
		mockApiFetch.mockResolvedValue(
			makeConnection( {
				site_key_header: 'maybe' as 'required',
			} )
		);

		await expect( getConnection() ).rejects.toMatchObject( {
			code: 'invalid_response',
		} );
	} );
} );

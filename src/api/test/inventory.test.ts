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
import {
	getInventory,
	getProblemLabels,
	isInventoryItem,
	revokeKeys,
} from '../inventory';
import {
	makeInventoryItem,
	makeProblemLabels,
} from '../../../tests/js/fixtures/inventory';
import { makeResponse } from '../../../tests/js/fixtures/response';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock<
	( options: unknown ) => Promise< unknown >
>;

/**
 * The options of the only apiFetch call.
 *
 * @return Options.
 */
function onlyCall(): Record< string, unknown > {
	expect( mockApiFetch ).toHaveBeenCalledTimes( 1 );
	return mockApiFetch.mock.calls[ 0 ][ 0 ] as Record< string, unknown >;
}

/**
 * The query string of the only call, as an object.
 *
 * @return Parameters.
 */
function onlyQuery(): Record< string, string > {
	const [ , query ] = String( onlyCall().path ).split( '?' );
	return Object.fromEntries( new URLSearchParams( query ) );
}

beforeEach( () => {
	mockApiFetch.mockReset();
} );

describe( 'getInventory', () => {
	it( 'should send page, per_page and problem, and read the totals from the headers', async () => {
		const items = [
			makeInventoryItem(),
			makeInventoryItem( { id: 43, problems: [ 'stale' ] } ),
		];
		mockApiFetch.mockResolvedValue(
			makeResponse( items, {
				headers: { 'X-WP-Total': '102', 'X-WP-TotalPages': '3' },
			} )
		);

		await expect(
			getInventory( { page: 2, perPage: 50, problem: 'stale' } )
		).resolves.toEqual( { items, total: 102, totalPages: 3 } );

		expect( onlyCall().parse ).toBe( false );
		expect( String( onlyCall().path ) ).toMatch(
			/^\/civikey\/v1\/inventory\?/
		);
		expect( onlyQuery() ).toEqual( {
			page: '2',
			per_page: '50',
			problem: 'stale',
		} );
	} );

	it( 'should send the order for the server to sort every page by', async () => {
		mockApiFetch.mockResolvedValue( makeResponse( [] ) );

		await getInventory( { orderBy: 'last_used', order: 'desc' } );

		expect( onlyQuery() ).toEqual( {
			page: '1',
			per_page: '50',
			orderby: 'last_used',
			order: 'desc',
		} );
	} );

	it( 'should leave out an empty problem and default to page 1 of 50', async () => {
		mockApiFetch.mockResolvedValue( makeResponse( [] ) );

		await expect( getInventory() ).resolves.toEqual( {
			items: [],
			total: 0,
			totalPages: 1,
		} );
		expect( onlyQuery() ).toEqual( { page: '1', per_page: '50' } );
	} );

	it( 'should keep page and per_page within what the server accepts', async () => {
		mockApiFetch.mockResolvedValue( makeResponse( [] ) );

		await getInventory( { page: 0, perPage: 500 } );

		expect( onlyQuery() ).toEqual( { page: '1', per_page: '200' } );
	} );

	it( 'should pass the abort signal on', async () => {
		mockApiFetch.mockResolvedValue( makeResponse( [] ) );
		const controller = new AbortController();

		await getInventory( {}, { signal: controller.signal } );

		expect( onlyCall().signal ).toBe( controller.signal );
	} );

	it( 'should read the WP_Error out of a failed response', async () => {
		mockApiFetch.mockRejectedValue(
			makeResponse(
				{
					code: 'civikey_api_key_forbidden',
					message: 'CiviCRM does not let you see API keys.',
					data: { status: 403 },
				},
				{ status: 403 }
			)
		);

		await expect( getInventory() ).rejects.toEqual( {
			code: 'civikey_api_key_forbidden',
			message: 'CiviCRM does not let you see API keys.',
			status: 403,
		} );
	} );

	it( 'should reject a body that is not a list of inventory items', async () => {
		mockApiFetch.mockResolvedValue(
			makeResponse( [ { ...makeInventoryItem(), problems: 'stale' } ] )
		);

		await expect( getInventory() ).rejects.toMatchObject( {
			code: 'invalid_response',
		} );
	} );
} );

describe( 'isInventoryItem', () => {
	it( 'should accept items without a user, use or change date', () => {
		expect(
			isInventoryItem(
				makeInventoryItem( {
					user: null,
					last_used: null,
					last_changed: null,
				} )
			)
		).toBe( true );
	} );

	it( 'should accept a link to a deleted user', () => {
		expect(
			isInventoryItem(
				makeInventoryItem( {
					user: { id: 9, exists: false, login: null, roles: [] },
				} )
			)
		).toBe( true );
	} );

	it.each( [
		[ 'a missing key', { key: undefined } ],
		[ 'a bad fingerprint', { key: { length: 3, fingerprint: {} } } ],
		[ 'a bad last use', { last_used: { at: 5 } } ],
		[ 'a bad role list', { user: { id: 1, exists: true, login: 'a' } } ],
	] )( 'should reject %s', ( _, overrides ) => {
		expect(
			isInventoryItem( { ...makeInventoryItem(), ...overrides } )
		).toBe( false );
	} );
} );

describe( 'getProblemLabels', () => {
	it( 'should GET the labels', async () => {
		mockApiFetch.mockResolvedValue( makeProblemLabels() );

		await expect( getProblemLabels() ).resolves.toEqual(
			makeProblemLabels()
		);
		expect( onlyCall().path ).toBe( '/civikey/v1/inventory/problems' );
	} );

	it.each( [ [ [ 'short' ] ], [ { short: 5 } ], [ null ] ] )(
		'should reject %p',
		async ( body ) => {
			mockApiFetch.mockResolvedValue( body );

			await expect( getProblemLabels() ).rejects.toMatchObject( {
				code: 'invalid_response',
			} );
		}
	);
} );

describe( 'revokeKeys', () => {
	it( 'should POST every contact ID once, and return the results', async () => {
		const results = [
			{ contact_id: 42, revoked: true },
			{
				contact_id: 43,
				revoked: false,
				code: 'civikey_no_key',
				message: 'This contact has no key.',
			},
		];
		mockApiFetch.mockResolvedValue( results );

		await expect( revokeKeys( [ 42, 43, 42 ] ) ).resolves.toEqual(
			results
		);
		expect( onlyCall() ).toEqual(
			expect.objectContaining( {
				path: '/civikey/v1/inventory/revoke',
				method: 'POST',
				data: { contact_ids: [ 42, 43 ] },
			} )
		);
	} );

	it.each( [
		[ [] ],
		[ [ 0 ] ],
		[ [ 1.5 ] ],
		[ Array.from( { length: 201 }, ( _, i ) => i + 1 ) ],
	] )( 'should not send a request for %p', async ( ids ) => {
		await expect( revokeKeys( ids ) ).rejects.toMatchObject( {
			code: 'invalid_contact_ids',
		} );
		expect( mockApiFetch ).not.toHaveBeenCalled();
	} );

	it( 'should normalise a failure', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'rest_invalid_param',
			message: 'Invalid parameter(s): contact_ids',
			data: { status: 400 },
		} );

		await expect( revokeKeys( [ 42 ] ) ).rejects.toEqual( {
			code: 'rest_invalid_param',
			message: 'Invalid parameter(s): contact_ids',
			status: 400,
		} );
	} );

	it( 'should reject results of the wrong shape', async () => {
		mockApiFetch.mockResolvedValue( [ { contact_id: '42' } ] );

		await expect( revokeKeys( [ 42 ] ) ).rejects.toMatchObject( {
			code: 'invalid_response',
		} );
	} );
} );

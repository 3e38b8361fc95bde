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
import { createServiceContact, getContact, searchContacts } from '../client';
import { makeContact } from '../../../tests/js/fixtures/contact';
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

describe( 'searchContacts', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'should send search, page and per_page, and read the totals from the headers', async () => {
		const contacts = [ makeContact(), makeContact( { id: 43 } ) ];
		mockApiFetch.mockResolvedValue(
			makeResponse( contacts, {
				headers: { 'X-WP-Total': '12', 'X-WP-TotalPages': '2' },
			} )
		);

		await expect(
			searchContacts( { search: 'zap & co', page: 2, perPage: 10 } )
		).resolves.toEqual( { contacts, total: 12, totalPages: 2 } );

		const options = onlyCall();
		expect( options.parse ).toBe( false );
		const [ path, query ] = String( options.path ).split( '?' );
		expect( path ).toBe( '/civikey/v1/contacts' );
		expect( Object.fromEntries( new URLSearchParams( query ) ) ).toEqual( {
			search: 'zap & co',
			page: '2',
			per_page: '10',
		} );
	} );

	it( 'should default to page 1 of 10', async () => {
		mockApiFetch.mockResolvedValue( makeResponse( [] ) );

		await expect( searchContacts( { search: '42' } ) ).resolves.toEqual( {
			contacts: [],
			total: 0,
			totalPages: 1,
		} );
		expect( String( onlyCall().path ) ).toContain( 'page=1&per_page=10' );
	} );

	it( 'should pass the abort signal on', async () => {
		mockApiFetch.mockResolvedValue( makeResponse( [] ) );
		const controller = new AbortController();

		await searchContacts( { search: 'x' }, { signal: controller.signal } );

		expect( onlyCall().signal ).toBe( controller.signal );
	} );

	it( 'should read the WP_Error out of a failed response', async () => {
		mockApiFetch.mockRejectedValue(
			makeResponse(
				{
					code: 'civikey_civicrm_unavailable',
					message: 'CiviCRM could not be started.',
					data: { status: 503 },
				},
				{ status: 503 }
			)
		);

		await expect( searchContacts( { search: 'x' } ) ).rejects.toEqual( {
			code: 'civikey_civicrm_unavailable',
			message: 'CiviCRM could not be started.',
			status: 503,
		} );
	} );

	it( 'should explain a failed response that is not JSON', async () => {
		mockApiFetch.mockRejectedValue(
			makeResponse( '<h1>Fatal error</h1>', { status: 500 } )
		);

		await expect( searchContacts( { search: 'x' } ) ).rejects.toEqual( {
			code: 'invalid_json',
			message: expect.stringContaining( 'Check the PHP error log' ),
			status: 500,
		} );
	} );

	it( 'should explain a network failure', async () => {
		mockApiFetch.mockRejectedValue( new TypeError( 'Failed to fetch' ) );

		await expect( searchContacts( { search: 'x' } ) ).rejects.toMatchObject(
			{ message: expect.stringContaining( 'could not reach' ) }
		);
	} );

	it( 'should reject a body that is not a list of contacts', async () => {
		mockApiFetch.mockResolvedValue( makeResponse( [ { id: 'nope' } ] ) );

		await expect( searchContacts( { search: 'x' } ) ).rejects.toMatchObject(
			{ code: 'invalid_response' }
		);
	} );
} );

describe( 'getContact', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'should request GET /civikey/v1/contacts/{id}', async () => {
		const contact = makeContact();
		mockApiFetch.mockResolvedValue( contact );

		await expect( getContact( 42 ) ).resolves.toEqual( contact );
		expect( onlyCall().path ).toBe( '/civikey/v1/contacts/42' );
		expect( onlyCall() ).not.toHaveProperty( 'method' );
	} );

	it( 'should reject with the 404 of a missing contact', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'civikey_contact_not_found',
			message: 'No contact has ID 42.',
			data: { status: 404 },
		} );

		await expect( getContact( 42 ) ).rejects.toEqual( {
			code: 'civikey_contact_not_found',
			message: 'No contact has ID 42.',
			status: 404,
		} );
	} );

	it.each( [ 0, -1, 1.5, Number.NaN ] )(
		'should not send a request for contact ID %p',
		async ( id ) => {
			await expect( getContact( id ) ).rejects.toMatchObject( {
				code: 'invalid_contact_id',
			} );
			expect( mockApiFetch ).not.toHaveBeenCalled();
		}
	);
} );

describe( 'createServiceContact', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'should POST the type and name', async () => {
		const contact = makeContact( { id: 99 } );
		mockApiFetch.mockResolvedValue( contact );

		await expect(
			createServiceContact( {
				contact_type: 'Organization',
				name: 'Zapier',
			} )
		).resolves.toEqual( contact );
		expect( onlyCall() ).toEqual(
			expect.objectContaining( {
				path: '/civikey/v1/contacts',
				method: 'POST',
				data: { contact_type: 'Organization', name: 'Zapier' },
			} )
		);
	} );
} );

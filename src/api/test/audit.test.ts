/**
 * External dependencies
 */
import {
	afterEach,
	beforeEach,
	describe,
	expect,
	it,
	jest,
} from '@jest/globals';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { getAuditCsvUrl, getAuditLog, isAuditEntry } from '../audit';
import { makeAuditEntry } from '../../../tests/js/fixtures/inventory';
import { makeResponse } from '../../../tests/js/fixtures/response';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock<
	( options: unknown ) => Promise< unknown >
>;

function onlyQuery(): Record< string, string > {
	expect( mockApiFetch ).toHaveBeenCalledTimes( 1 );
	const options = mockApiFetch.mock.calls[ 0 ][ 0 ] as { path: string };
	const [ path, query ] = options.path.split( '?' );
	expect( path ).toBe( '/civikey/v1/audit' );
	return Object.fromEntries( new URLSearchParams( query ) );
}

describe( 'getAuditLog', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'should send page, per_page and contact_id, and read the totals', async () => {
		const entries = [
			makeAuditEntry( { details: { http_status: 200 } } ),
			makeAuditEntry( { id: 2, contact_id: null } ),
		];
		mockApiFetch.mockResolvedValue(
			makeResponse( entries, {
				headers: { 'X-WP-Total': '75', 'X-WP-TotalPages': '2' },
			} )
		);

		await expect(
			getAuditLog( { page: 2, perPage: 50, contactId: 42 } )
		).resolves.toEqual( { items: entries, total: 75, totalPages: 2 } );
		expect( onlyQuery() ).toEqual( {
			page: '2',
			per_page: '50',
			contact_id: '42',
		} );
	} );

	it( 'should leave out contact_id when there is no filter', async () => {
		mockApiFetch.mockResolvedValue( makeResponse( [] ) );

		await getAuditLog( { contactId: null } );

		expect( onlyQuery() ).toEqual( { page: '1', per_page: '50' } );
	} );

	it( 'should read the empty details PHP sends as [] as {}', async () => {
		mockApiFetch.mockResolvedValue(
			makeResponse( [ { ...makeAuditEntry(), details: [] } ] )
		);

		const { items } = await getAuditLog();

		expect( items[ 0 ].details ).toEqual( {} );
	} );

	it( 'should reject entries of the wrong shape', async () => {
		mockApiFetch.mockResolvedValue(
			makeResponse( [ { ...makeAuditEntry(), result: 'maybe' } ] )
		);

		await expect( getAuditLog() ).rejects.toMatchObject( {
			code: 'invalid_response',
		} );
	} );

	it( 'should read the WP_Error out of a failed response', async () => {
		mockApiFetch.mockRejectedValue(
			makeResponse(
				{ code: 'civikey_forbidden', message: 'Sorry.', data: {} },
				{ status: 403 }
			)
		);

		await expect( getAuditLog() ).rejects.toEqual( {
			code: 'civikey_forbidden',
			message: 'Sorry.',
			status: 403,
		} );
	} );
} );

describe( 'isAuditEntry', () => {
	it( 'should accept an entry without a contact', () => {
		expect( isAuditEntry( makeAuditEntry( { contact_id: null } ) ) ).toBe(
			true
		);
	} );

	it( 'should reject an entry without details', () => {
		expect( isAuditEntry( { ...makeAuditEntry(), details: null } ) ).toBe(
			false
		);
	} );
} );

describe( 'getAuditCsvUrl', () => {
	afterEach( () => {
		delete window.civikeyAdmin;
	} );

	it( 'should be null when the page printed no settings', () => {
		expect( getAuditCsvUrl() ).toBeNull();
	} );

	it( 'should give the URL the page printed', () => {
		const url =
			'https://example.org/wp-admin/admin-post.php?action=civikey_audit_csv&_wpnonce=abc123';
		window.civikeyAdmin = { auditCsvUrl: url };

		expect( getAuditCsvUrl() ).toBe( url );
	} );

	it.each( [ '', 'javascript:alert(1)' ] )( 'should refuse %p', ( url ) => {
		window.civikeyAdmin = { auditCsvUrl: url };

		expect( getAuditCsvUrl() ).toBeNull();
	} );
} );

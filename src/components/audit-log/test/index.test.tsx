/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import AuditLogView from '..';
import type { AuditEntry } from '../../../api/inventory-types';
import {
	callsTo,
	routeApiFetch,
	type FetchOptions,
	type MockApiFetch,
} from '../../../../tests/js/api-routes';
import { makeAuditEntry } from '../../../../tests/js/fixtures/inventory';
import { makeResponse } from '../../../../tests/js/fixtures/response';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as MockApiFetch;

const AUDIT = 'GET /civikey/v1/audit';
const CSV_URL =
	'https://example.org/wp-admin/admin-post.php?action=civikey_audit_csv&_wpnonce=abc123';

function queryOf( options: FetchOptions ): Record< string, string > {
	return Object.fromEntries(
		new URLSearchParams( options.path.split( '?' )[ 1 ] ?? '' )
	);
}

/**
 * Answers the audit route with `pages`, whatever the filter.
 *
 * @param pages Entries of each page.
 * @param total Total entries.
 */
function serveAudit( pages: AuditEntry[][], total = 0 ) {
	routeApiFetch( mockApiFetch, {
		[ AUDIT ]: ( options: FetchOptions ) =>
			makeResponse(
				pages[ Number( queryOf( options ).page ?? 1 ) - 1 ] ?? [],
				{
					headers: {
						'X-WP-Total': String( total || pages.flat().length ),
						'X-WP-TotalPages': String( pages.length ),
					},
				}
			),
	} );
}

describe( 'AuditLogView', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'should show each entry in words, with the UTC time in a title', async () => {
		serveAudit( [
			[
				makeAuditEntry(),
				makeAuditEntry( {
					id: 2,
					action: 'key_tested',
					result: 'failure',
					user_login: '',
					user_id: 0,
					contact_id: null,
					ip: '',
					details: {
						http_status: 401,
						with_site_key: false,
						as_contact: null,
					},
				} ),
				makeAuditEntry( { id: 3, action: 'something_new' } ),
			],
		] );

		render( <AuditLogView csvUrl={ null } /> );

		const region = await screen.findByRole( 'region', {
			name: 'Audit trail, page 1 of 1',
		} );
		const [ revoked, tested, unknown ] = within( region )
			.getAllByRole( 'row' )
			.slice( 1 );
		expect( revoked ).toHaveTextContent( 'admin' );
		expect( revoked ).toHaveTextContent( '#42' );
		expect( revoked ).toHaveTextContent( 'Key revoked' );
		expect( revoked ).toHaveTextContent( 'Success' );
		expect( revoked ).toHaveTextContent( '198.51.100.7' );
		expect( revoked.querySelector( 'time' ) ).toHaveAttribute(
			'title',
			'2024-05-01 10:00:00 UTC'
		);
		expect( revoked.querySelector( 'time' )?.textContent ).toMatch(
			/2024/
		);

		expect( tested ).toHaveTextContent( 'Nobody logged in' );
		expect( tested ).toHaveTextContent( 'Key tested' );
		expect( tested ).toHaveTextContent( 'Failure' );
		expect( tested ).toHaveTextContent(
			'http_status: 401 · with_site_key: no · as_contact: —'
		);
		expect( unknown ).toHaveTextContent( 'something_new' );
		expect(
			screen.getByText( '3 entries. Page 1 of 1.' )
		).toBeInTheDocument();
	} );

	it( 'should page with Previous and Next', async () => {
		const user = userEvent.setup();
		serveAudit( [
			[ makeAuditEntry( { id: 9, user_login: 'first-page' } ) ],
			[ makeAuditEntry( { id: 8, user_login: 'second-page' } ) ],
		] );
		render( <AuditLogView csvUrl={ null } /> );

		const pages = await screen.findByRole( 'navigation', {
			name: 'Pages of the audit trail',
		} );
		await screen.findByText( 'first-page' );
		await user.click(
			within( pages ).getByRole( 'button', { name: 'Next' } )
		);

		expect( await screen.findByText( 'second-page' ) ).toBeInTheDocument();
		expect( pages ).toHaveTextContent( 'Page 2 of 2' );
		expect(
			within( pages ).getByRole( 'button', { name: 'Next' } )
		).toHaveAttribute( 'aria-disabled', 'true' );
		expect(
			callsTo( mockApiFetch, AUDIT ).map( ( options ) =>
				queryOf( options )
			)
		).toEqual( [
			{ page: '1', per_page: '50' },
			{ page: '2', per_page: '50' },
		] );
	} );

	it( 'should filter by contact ID, from the form or from a row', async () => {
		const user = userEvent.setup();
		serveAudit( [ [ makeAuditEntry( { contact_id: 77 } ) ] ] );
		render( <AuditLogView csvUrl={ null } /> );
		await screen.findByText( 'Key revoked' );

		await user.type(
			screen.getByRole( 'textbox', { name: 'Contact ID' } ),
			'42{Enter}'
		);
		await waitFor( () =>
			expect( callsTo( mockApiFetch, AUDIT ) ).toHaveLength( 2 )
		);
		expect( queryOf( callsTo( mockApiFetch, AUDIT )[ 1 ] ) ).toEqual( {
			page: '1',
			per_page: '50',
			contact_id: '42',
		} );

		await user.click(
			await screen.findByRole( 'button', {
				name: 'Show only entries about contact #77',
			} )
		);
		await waitFor( () =>
			expect( callsTo( mockApiFetch, AUDIT ) ).toHaveLength( 3 )
		);
		expect(
			queryOf( callsTo( mockApiFetch, AUDIT )[ 2 ] ).contact_id
		).toBe( '77' );
		expect(
			screen.getByRole( 'textbox', { name: 'Contact ID' } )
		).toHaveValue( '77' );

		await user.click(
			screen.getByRole( 'button', { name: 'Show every contact' } )
		);
		await waitFor( () =>
			expect( callsTo( mockApiFetch, AUDIT ) ).toHaveLength( 4 )
		);
		expect( queryOf( callsTo( mockApiFetch, AUDIT )[ 3 ] ) ).toEqual( {
			page: '1',
			per_page: '50',
		} );
	} );

	it( 'should refuse a contact ID that is not a number', async () => {
		const user = userEvent.setup();
		serveAudit( [ [] ] );
		render( <AuditLogView csvUrl={ null } /> );
		await screen.findByText( 'Nothing has been recorded yet.' );

		const field = screen.getByRole( 'textbox', { name: 'Contact ID' } );
		await user.type( field, 'zapier' );
		await user.click( screen.getByRole( 'button', { name: 'Filter' } ) );

		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'Type a contact ID'
		);
		expect( field ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( callsTo( mockApiFetch, AUDIT ) ).toHaveLength( 1 );
	} );

	it( 'should link to the CSV download when the page printed its URL', async () => {
		serveAudit( [ [] ] );
		window.civikeyAdmin = { auditCsvUrl: CSV_URL };
		render( <AuditLogView /> );
		delete window.civikeyAdmin;

		expect(
			screen.getByRole( 'link', { name: 'Download CSV (every entry)' } )
		).toHaveAttribute( 'href', CSV_URL );
		await screen.findByText( 'Nothing has been recorded yet.' );
	} );

	it( 'should leave the CSV link out without a URL', async () => {
		serveAudit( [ [] ] );
		render( <AuditLogView /> );

		await screen.findByText( 'Nothing has been recorded yet.' );
		expect( screen.queryByRole( 'link' ) ).not.toBeInTheDocument();
	} );
} );

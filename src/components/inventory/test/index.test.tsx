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
import InventoryView from '..';
import type { InventoryItem } from '../../../api/inventory-types';
import {
	callsTo,
	routeApiFetch,
	type FetchOptions,
	type MockApiFetch,
} from '../../../../tests/js/api-routes';
import {
	makeInventoryItem,
	makeInventoryItems,
	makeProblemLabels,
} from '../../../../tests/js/fixtures/inventory';
import { makeResponse } from '../../../../tests/js/fixtures/response';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as MockApiFetch;

const INVENTORY = 'GET /civikey/v1/inventory';
const REVOKE = 'POST /civikey/v1/inventory/revoke';

/**
 * The query of a request, as an object.
 *
 * @param options Request options.
 * @return Parameters.
 */
function queryOf( options: FetchOptions ): Record< string, string > {
	return Object.fromEntries(
		new URLSearchParams( options.path.split( '?' )[ 1 ] ?? '' )
	);
}

/**
 * Answers the inventory route with `pages` (by page number), 50 per page.
 *
 * @param pages  Items of each page.
 * @param routes More routes.
 */
function serveInventory(
	pages: InventoryItem[][],
	routes: Record< string, unknown > = {}
) {
	const total = pages.reduce( ( sum, page ) => sum + page.length, 0 );
	routeApiFetch( mockApiFetch, {
		'GET /civikey/v1/inventory/problems': makeProblemLabels(),
		[ INVENTORY ]: ( options: FetchOptions ) =>
			makeResponse(
				pages[ Number( queryOf( options ).page ?? 1 ) - 1 ] ?? [],
				{
					headers: {
						'X-WP-Total': String( total ),
						'X-WP-TotalPages': String( pages.length ),
					},
				}
			),
		...routes,
	} );
}

/**
 * The rows of the table, header excluded.
 *
 * @return Rows.
 */
function bodyRows(): HTMLElement[] {
	return screen.getAllByRole( 'row' ).slice( 1 );
}

describe( 'InventoryView', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'should show every column of a key in words', async () => {
		serveInventory( [
			[
				makeInventoryItem( {
					is_deleted: true,
					problems: [ 'administrator', 'stale', 'new_problem' ],
				} ),
				makeInventoryItem( {
					id: 43,
					display_name: 'Old script',
					key: { length: 12, fingerprint: { last4: '', length: 12 } },
					user: null,
					last_used: null,
					last_changed: null,
				} ),
			],
		] );

		render( <InventoryView onOpenContact={ jest.fn() } /> );

		const region = await screen.findByRole( 'region', {
			name: 'Keys, page 1 of 1',
		} );
		expect( region ).toHaveAttribute( 'tabindex', '0' );
		const [ zapier, old ] = bodyRows();
		expect( zapier ).toHaveTextContent( 'Zapier' );
		expect( zapier ).toHaveTextContent( 'ID 42' );
		expect( zapier ).toHaveTextContent( 'In the trash' );
		expect( zapier ).toHaveTextContent( 'zapier-bot' );
		expect( zapier ).toHaveTextContent( 'editor' );
		expect( zapier ).toHaveTextContent( '…WXYZ (32 characters)' );
		expect( zapier ).toHaveTextContent( 'from 203.0.113.5' );
		expect(
			within( zapier ).getByText( 'Linked user is an administrator' )
		).toBeInTheDocument();
		expect(
			within( zapier ).getByText( 'Not used for 90 days' )
		).toBeInTheDocument();
		// A problem the screen has no label for is shown by its code.
		expect(
			within( zapier ).getByText( 'new_problem' )
		).toBeInTheDocument();
		const used = zapier.querySelector( 'time' );
		expect( used ).toHaveAttribute( 'title', '2024-05-01 10:00:00 UTC' );
		expect( used ).toHaveAttribute(
			'datetime',
			'2024-05-01T10:00:00.000Z'
		);

		expect( old ).toHaveTextContent( 'None' );
		expect( old ).toHaveTextContent( '12 characters' );
		expect( old ).toHaveTextContent( 'Never' );
		expect( old ).toHaveTextContent( 'Not recorded' );
		expect(
			screen.getByText( '2 keys. Page 1 of 1.' )
		).toBeInTheDocument();
	} );

	it( 'should filter by problem with problem=, back on page 1', async () => {
		const user = userEvent.setup();
		serveInventory( [
			makeInventoryItems( 50 ),
			makeInventoryItems( 3, 200 ),
		] );
		render( <InventoryView onOpenContact={ jest.fn() } /> );
		await screen.findByText( '53 keys. Page 1 of 2.' );
		await user.click( screen.getByRole( 'button', { name: 'Next' } ) );
		await screen.findByText( '53 keys. Page 2 of 2.' );

		const show = screen.getByRole( 'combobox', { name: 'Show' } );
		await waitFor( () =>
			expect(
				within( show ).getByRole( 'option', {
					name: 'Not used for 90 days',
				} )
			).toBeInTheDocument()
		);
		expect(
			within( show )
				.getAllByRole( 'option' )
				.slice( 0, 2 )
				.map( ( option ) => option.textContent )
		).toEqual( [ 'All keys', 'Any problem' ] );
		await user.selectOptions( show, 'stale' );

		await waitFor( () =>
			expect( callsTo( mockApiFetch, INVENTORY ) ).toHaveLength( 3 )
		);
		const queries = callsTo( mockApiFetch, INVENTORY ).map( queryOf );
		const byId = { orderby: 'id', order: 'asc' };
		expect( queries[ 0 ] ).toEqual( {
			page: '1',
			per_page: '50',
			...byId,
		} );
		expect( queries[ 1 ] ).toEqual( {
			page: '2',
			per_page: '50',
			...byId,
		} );
		expect( queries[ 2 ] ).toEqual( {
			page: '1',
			per_page: '50',
			problem: 'stale',
			...byId,
		} );

		await user.selectOptions( show, 'any' );
		await waitFor( () =>
			expect(
				queryOf( callsTo( mockApiFetch, INVENTORY )[ 3 ] )
			).toEqual( {
				page: '1',
				per_page: '50',
				problem: 'any',
				...byId,
			} )
		);
	} );

	it( 'should page with Previous and Next', async () => {
		const user = userEvent.setup();
		serveInventory( [
			makeInventoryItems( 50 ),
			makeInventoryItems( 50, 300 ),
			makeInventoryItems( 1, 500 ),
		] );
		render( <InventoryView onOpenContact={ jest.fn() } /> );

		const pages = await screen.findByRole( 'navigation', {
			name: 'Pages of keys',
		} );
		expect( pages ).toHaveTextContent( 'Page 1 of 3' );
		expect(
			within( pages ).getByRole( 'button', { name: 'Previous' } )
		).toHaveAttribute( 'aria-disabled', 'true' );

		await user.click(
			within( pages ).getByRole( 'button', { name: 'Next' } )
		);
		expect( await screen.findByText( 'Service 300' ) ).toBeInTheDocument();
		expect( pages ).toHaveTextContent( 'Page 2 of 3' );
		expect(
			screen.getByText( '101 keys. Page 2 of 3.' )
		).toBeInTheDocument();

		await user.click(
			within( pages ).getByRole( 'button', { name: 'Previous' } )
		);
		expect( await screen.findByText( 'Service 100' ) ).toBeInTheDocument();
		expect(
			callsTo( mockApiFetch, INVENTORY ).map(
				( options ) => queryOf( options ).page
			)
		).toEqual( [ '1', '2', '1' ] );
	} );

	it( 'should revoke the selected keys after one confirmation naming five, then show each result and reload', async () => {
		const user = userEvent.setup();
		const items = makeInventoryItems( 7 );
		serveInventory( [ items ], {
			[ REVOKE ]: ( options: FetchOptions ) =>
				( options.data?.contact_ids as number[] ).map( ( id ) =>
					id === 103
						? {
								contact_id: id,
								revoked: false,
								code: 'civikey_no_key',
								message: 'This contact has no key.',
							}
						: { contact_id: id, revoked: true }
				),
		} );
		render( <InventoryView onOpenContact={ jest.fn() } /> );
		await screen.findByText( 'Service 100' );

		const revoke = screen.getByRole( 'button', {
			name: 'Revoke selected…',
		} );
		expect( revoke ).toHaveAttribute( 'aria-disabled', 'true' );

		await user.click(
			screen.getByRole( 'checkbox', { name: 'Select every key shown' } )
		);
		expect( screen.getByText( '7 keys selected.' ) ).toBeInTheDocument();
		await user.click(
			screen.getByRole( 'checkbox', {
				name: 'Select Service 106 (contact #106)',
			} )
		);
		expect(
			screen.getByRole( 'checkbox', { name: 'Select every key shown' } )
		).toHaveProperty( 'indeterminate', true );

		await user.click( revoke );

		const dialog = screen.getByRole( 'dialog', { name: 'Revoke 6 keys?' } );
		const listed = within( dialog )
			.getAllByRole( 'listitem' )
			.map( ( item ) => item.textContent );
		expect( listed ).toEqual( [
			'Service 100 (contact #100)',
			'Service 101 (contact #101)',
			'Service 102 (contact #102)',
			'Service 103 (contact #103)',
			'Service 104 (contact #104)',
			'and 1 other contact',
		] );
		expect( dialog ).toHaveTextContent(
			'Whatever uses these keys stops working immediately.'
		);
		expect( callsTo( mockApiFetch, REVOKE ) ).toHaveLength( 0 );

		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Revoke 6 keys' } )
		);

		const notice = await waitFor( () => {
			const found = document.querySelector(
				'.civikey-inventory__results'
			);
			expect( found ).not.toBeNull();
			return found as HTMLElement;
		} );
		expect( callsTo( mockApiFetch, REVOKE ) ).toHaveLength( 1 );
		expect( callsTo( mockApiFetch, REVOKE )[ 0 ].data ).toEqual( {
			contact_ids: [ 100, 101, 102, 103, 104, 105 ],
		} );
		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
		expect( notice ).toHaveTextContent( '5 keys revoked.' );
		expect( notice ).toHaveTextContent( '1 key could not be revoked.' );
		expect( notice ).toHaveTextContent(
			'Service 103 (contact #103): This contact has no key.'
		);
		expect( notice ).toHaveTextContent(
			'Service 105 (contact #105): revoked'
		);
		await waitFor( () => expect( notice ).toHaveFocus() );
		// Reloaded, with nothing selected.
		await waitFor( () =>
			expect( callsTo( mockApiFetch, INVENTORY ) ).toHaveLength( 2 )
		);
		expect( screen.getByText( '0 keys selected.' ) ).toBeInTheDocument();
	} );

	it( 'should send nothing when the confirmation is cancelled', async () => {
		const user = userEvent.setup();
		serveInventory( [ makeInventoryItems( 2 ) ] );
		render( <InventoryView onOpenContact={ jest.fn() } /> );
		await user.click(
			await screen.findByRole( 'checkbox', {
				name: 'Select Service 100 (contact #100)',
			} )
		);

		await user.click(
			screen.getByRole( 'button', { name: 'Revoke selected…' } )
		);
		expect(
			screen.getByRole( 'dialog', { name: 'Revoke 1 key?' } )
		).toBeInTheDocument();
		await user.click( screen.getByRole( 'button', { name: 'Cancel' } ) );

		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
		expect( callsTo( mockApiFetch, REVOKE ) ).toHaveLength( 0 );
	} );

	it( 'should say why a bulk revoke failed as a whole', async () => {
		const user = userEvent.setup();
		serveInventory( [ makeInventoryItems( 1 ) ], {
			[ REVOKE ]: () => {
				throw {
					code: 'civikey_forbidden',
					message:
						'Sorry, you are not allowed to manage CiviCRM API keys.',
					data: { status: 403 },
				};
			},
		} );
		render( <InventoryView onOpenContact={ jest.fn() } /> );
		await user.click(
			await screen.findByRole( 'checkbox', {
				name: 'Select Service 100 (contact #100)',
			} )
		);
		await user.click(
			screen.getByRole( 'button', { name: 'Revoke selected…' } )
		);
		await user.click(
			screen.getByRole( 'button', { name: 'Revoke 1 key' } )
		);

		expect( await screen.findByRole( 'alert' ) ).toHaveTextContent(
			'Sorry, you are not allowed to manage CiviCRM API keys.'
		);
		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
	} );

	it( 'should search the page by name or ID, and revoke only rows shown', async () => {
		const user = userEvent.setup();
		serveInventory( [
			[
				makeInventoryItem( { id: 42, display_name: 'Zapier' } ),
				makeInventoryItem( { id: 77, display_name: 'Mailchimp' } ),
				makeInventoryItem( { id: 142, display_name: 'Backup' } ),
			],
		] );
		render( <InventoryView onOpenContact={ jest.fn() } /> );
		await screen.findByText( 'Mailchimp' );
		await user.click(
			screen.getByRole( 'checkbox', { name: 'Select every key shown' } )
		);

		await user.type(
			screen.getByRole( 'searchbox', { name: 'Search this page' } ),
			'mail'
		);
		expect( bodyRows() ).toHaveLength( 1 );
		expect( bodyRows()[ 0 ] ).toHaveTextContent( 'Mailchimp' );
		expect( screen.getByText( '1 key selected.' ) ).toBeInTheDocument();

		await user.clear(
			screen.getByRole( 'searchbox', { name: 'Search this page' } )
		);
		await user.type(
			screen.getByRole( 'searchbox', { name: 'Search this page' } ),
			'42'
		);
		expect(
			bodyRows().map(
				( row ) => row.querySelector( 'strong' )?.textContent
			)
		).toEqual( [ 'Zapier', 'Backup' ] );
		expect(
			screen.getByText( '2 of 3 keys on this page match, out of 3 keys.' )
		).toBeInTheDocument();
		// Searching never asks the server.
		expect( callsTo( mockApiFetch, INVENTORY ) ).toHaveLength( 1 );
	} );

	it( 'should ask the server for the order chosen, from page 1, and mark the sorted column', async () => {
		const user = userEvent.setup();
		// Rows come in the server's order, which is not the ID order here.
		serveInventory( [
			makeInventoryItems( 3 ).reverse(),
			makeInventoryItems( 3, 300 ),
		] );
		const lastQuery = () =>
			queryOf( callsTo( mockApiFetch, INVENTORY ).slice( -1 )[ 0 ] );
		render( <InventoryView onOpenContact={ jest.fn() } perPage={ 3 } /> );
		await screen.findByText( '6 keys. Page 1 of 2.' );
		// The server's order is kept as it came: rows are not sorted again here.
		expect(
			bodyRows()
				.slice( 0, 2 )
				.map( ( row ) => row.querySelector( 'strong' )?.textContent )
		).toEqual( [ 'Service 102', 'Service 101' ] );
		await user.click( screen.getByRole( 'button', { name: 'Next' } ) );
		await screen.findByText( '6 keys. Page 2 of 2.' );
		const sortBy = screen.getByRole( 'combobox', { name: 'Sort by' } );
		const header = ( name: string ) =>
			screen.getByRole( 'columnheader', { name } );
		expect( header( 'Contact' ) ).toHaveAttribute(
			'aria-sort',
			'ascending'
		);

		await user.selectOptions( sortBy, 'last_used:desc' );

		await screen.findByText( '6 keys. Page 1 of 2.' );
		expect( lastQuery() ).toEqual( {
			page: '1',
			per_page: '3',
			orderby: 'last_used',
			order: 'desc',
		} );
		expect( header( 'Last used' ) ).toHaveAttribute(
			'aria-sort',
			'descending'
		);
		expect( header( 'Contact' ) ).toHaveAttribute( 'aria-sort', 'none' );

		await user.selectOptions( sortBy, 'name:desc' );
		await waitFor( () =>
			expect( lastQuery() ).toMatchObject( {
				page: '1',
				orderby: 'name',
				order: 'desc',
			} )
		);
		expect( header( 'Contact' ) ).toHaveAttribute(
			'aria-sort',
			'descending'
		);
		await user.selectOptions( sortBy, 'last_changed:asc' );
		await waitFor( () =>
			expect( header( 'Last changed' ) ).toHaveAttribute(
				'aria-sort',
				'ascending'
			)
		);
	} );

	it( 'should open a contact in the Keys view', async () => {
		const user = userEvent.setup();
		const onOpenContact = jest.fn();
		serveInventory( [ [ makeInventoryItem() ] ] );
		render( <InventoryView onOpenContact={ onOpenContact } /> );

		await user.click(
			await screen.findByRole( 'button', {
				name: 'Manage key: Zapier (contact #42)',
			} )
		);

		expect( onOpenContact ).toHaveBeenCalledWith( 42 );
	} );

	it( 'should say when no key matches, and show errors with Retry', async () => {
		const user = userEvent.setup();
		let fail = true;
		routeApiFetch( mockApiFetch, {
			'GET /civikey/v1/inventory/problems': makeProblemLabels(),
			[ INVENTORY ]: () => {
				if ( fail ) {
					fail = false;
					throw makeResponse(
						{
							code: 'civikey_civicrm_unavailable',
							message: 'CiviCRM could not be started.',
						},
						{ status: 503 }
					);
				}
				return makeResponse( [] );
			},
		} );
		render( <InventoryView onOpenContact={ jest.fn() } /> );

		expect( await screen.findByRole( 'alert' ) ).toHaveTextContent(
			'CiviCRM could not be started.'
		);
		await user.click( screen.getByRole( 'button', { name: 'Retry' } ) );

		expect(
			await screen.findByText( 'No contact holds an API key.' )
		).toBeInTheDocument();
		expect( screen.queryByRole( 'table' ) ).not.toBeInTheDocument();
	} );

	it( 'should load again when it comes back on screen', async () => {
		serveInventory( [ [ makeInventoryItem() ] ] );
		const { rerender } = render(
			<InventoryView onOpenContact={ jest.fn() } isActive />
		);
		await screen.findByText( 'Zapier' );

		rerender(
			<InventoryView onOpenContact={ jest.fn() } isActive={ false } />
		);
		rerender( <InventoryView onOpenContact={ jest.fn() } isActive /> );

		await waitFor( () =>
			expect( callsTo( mockApiFetch, INVENTORY ) ).toHaveLength( 2 )
		);
	} );
} );

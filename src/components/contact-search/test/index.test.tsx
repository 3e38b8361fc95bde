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
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import ContactSearch from '..';
import { makeContact } from '../../../../tests/js/fixtures/contact';
import { makeResponse } from '../../../../tests/js/fixtures/response';
import type { FetchOptions } from '../../../../tests/js/api-routes';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock<
	( options: unknown ) => Promise< unknown >
>;

const ZAPIER = makeContact();
const ZAPPY = makeContact( {
	id: 43,
	display_name: 'Zappy',
	email: null,
	key: { status: 'none', fingerprint: null },
} );

/**
 * Query parameters of each search request so far.
 *
 * @return One record per request.
 */
function searches(): Array< Record< string, string > > {
	return mockApiFetch.mock.calls.map( ( [ options ] ) =>
		Object.fromEntries(
			new URLSearchParams(
				( options as FetchOptions ).path.split( '?' )[ 1 ]
			)
		)
	);
}

/**
 * The polite live region that announces results.
 *
 * @return The region.
 */
function liveRegion(): HTMLElement {
	const region = document.querySelector< HTMLElement >(
		'.civikey-contact-search [aria-live="polite"]'
	);
	if ( ! region ) {
		throw new Error( 'No live region.' );
	}
	return region;
}

/**
 * Lets time pass.
 *
 * @param ms Milliseconds to advance.
 */
async function wait( ms: number ) {
	await act( async () => {
		jest.advanceTimersByTime( ms );
	} );
}

/**
 * Lets the debounce delay pass and the search finish.
 */
async function settle() {
	await wait( 300 );
	await waitFor( () =>
		expect( liveRegion() ).not.toHaveTextContent( 'Searching…' )
	);
}

/**
 * Waits until the live region says `text`.
 *
 * @param text What it should say.
 */
async function announced( text: string ) {
	await waitFor( () => expect( liveRegion() ).toHaveTextContent( text ) );
}

describe( 'ContactSearch', () => {
	beforeEach( () => {
		jest.useFakeTimers();
		mockApiFetch.mockReset();
		mockApiFetch.mockImplementation( async ( raw ) => {
			const { search, page } = Object.fromEntries(
				new URLSearchParams(
					( raw as FetchOptions ).path.split( '?' )[ 1 ]
				)
			);
			if ( search === 'nobody' ) {
				return makeResponse( [], {
					headers: { 'X-WP-Total': '0', 'X-WP-TotalPages': '1' },
				} );
			}
			if ( search.startsWith( 'many' ) ) {
				return makeResponse(
					[ makeContact( { id: 100 + Number( page ) } ) ],
					{ headers: { 'X-WP-Total': '25', 'X-WP-TotalPages': '3' } }
				);
			}
			return makeResponse( [ ZAPIER, ZAPPY ], {
				headers: { 'X-WP-Total': '2', 'X-WP-TotalPages': '1' },
			} );
		} );
	} );

	afterEach( () => {
		jest.useRealTimers();
	} );

	const setup = () =>
		userEvent.setup( { advanceTimers: jest.advanceTimersByTime } );

	it( 'should have a labelled search field and search nothing at first', () => {
		render( <ContactSearch onSelect={ jest.fn() } /> );

		expect(
			screen.getByRole( 'searchbox', { name: 'Search contacts' } )
		).toHaveAccessibleDescription( /by the exact contact ID/ );
		expect( mockApiFetch ).not.toHaveBeenCalled();
		expect( liveRegion() ).toBeEmptyDOMElement();
	} );

	it( 'should wait until typing pauses, then search once', async () => {
		const user = setup();
		render( <ContactSearch onSelect={ jest.fn() } /> );

		await user.type( screen.getByRole( 'searchbox' ), 'zap' );
		await wait( 299 );
		expect( mockApiFetch ).not.toHaveBeenCalled();

		await wait( 1 );

		expect( searches() ).toEqual( [
			{ search: 'zap', page: '1', per_page: '10' },
		] );
		expect(
			( mockApiFetch.mock.calls[ 0 ][ 0 ] as FetchOptions ).parse
		).toBe( false );
	} );

	it( 'should announce how many contacts were found and list them as buttons', async () => {
		const user = setup();
		render( <ContactSearch onSelect={ jest.fn() } /> );

		await user.type( screen.getByRole( 'searchbox' ), 'zap' );
		expect( liveRegion() ).toHaveTextContent( 'Searching…' );
		await settle();

		await announced( '2 contacts found.' );
		const list = screen.getByRole( 'list', { name: 'Contacts found' } );
		const buttons = within( list ).getAllByRole( 'button' );
		expect( buttons ).toHaveLength( 2 );
		expect( buttons[ 0 ] ).toHaveTextContent(
			'ZapierID 42 · Organization · zapier@example.org · Key ending …WXYZ (32 characters)'
		);
		expect( buttons[ 1 ] ).toHaveTextContent(
			'ZappyID 43 · Organization · no email · No key'
		);
	} );

	it( 'should select a contact with Enter, and move between results with the arrow keys', async () => {
		const user = setup();
		const onSelect = jest.fn();
		render( <ContactSearch onSelect={ onSelect } /> );
		await user.type( screen.getByRole( 'searchbox' ), 'zap' );
		await settle();
		const [ first, second ] = within(
			screen.getByRole( 'list', { name: 'Contacts found' } )
		).getAllByRole( 'button' );

		await user.tab();
		await user.tab();
		expect( first ).toHaveFocus();
		await user.keyboard( '{ArrowDown}' );
		expect( second ).toHaveFocus();
		await user.keyboard( '{ArrowDown}' );
		expect( second ).toHaveFocus();
		await user.keyboard( '{Home}' );
		expect( first ).toHaveFocus();
		await user.keyboard( '{End}{Enter}' );

		expect( onSelect ).toHaveBeenCalledWith( ZAPPY );
	} );

	it( 'should mark the selected contact as current, as it is now', async () => {
		const user = setup();
		const zappyWithKey = {
			...ZAPPY,
			key: {
				status: 'set' as const,
				fingerprint: { last4: 'Q9Q9', length: 32 },
			},
		};
		render(
			<ContactSearch onSelect={ jest.fn() } selected={ zappyWithKey } />
		);
		await user.type( screen.getByRole( 'searchbox' ), 'zap' );
		await settle();

		const current = screen.getByRole( 'button', { current: true } );
		expect( current ).toHaveTextContent( 'Zappy' );
		// The search said "No key"; the page knows better since.
		expect( current ).toHaveTextContent( 'Key ending …Q9Q9' );
	} );

	it( 'should say when nothing matches', async () => {
		const user = setup();
		render( <ContactSearch onSelect={ jest.fn() } /> );

		await user.type( screen.getByRole( 'searchbox' ), 'nobody' );
		await settle();

		expect( liveRegion() ).toHaveTextContent(
			'No contacts match “nobody”.'
		);
		expect( screen.queryByRole( 'list' ) ).not.toBeInTheDocument();
	} );

	it( 'should page through results, and start a new search on page 1', async () => {
		const user = setup();
		render( <ContactSearch onSelect={ jest.fn() } /> );
		await user.type( screen.getByRole( 'searchbox' ), 'many' );
		await settle();

		const pages = screen.getByRole( 'navigation', {
			name: 'Pages of contacts',
		} );
		expect( pages ).toHaveTextContent( 'Page 1 of 3' );
		expect( liveRegion() ).toHaveTextContent(
			'25 contacts found. Page 1 of 3.'
		);
		const previous = within( pages ).getByRole( 'button', {
			name: 'Previous',
		} );
		const next = within( pages ).getByRole( 'button', { name: 'Next' } );
		expect( previous ).toHaveAttribute( 'aria-disabled', 'true' );

		await user.click( next );
		await announced( '25 contacts found. Page 2 of 3.' );

		expect( searches().at( -1 ) ).toEqual( {
			search: 'many',
			page: '2',
			per_page: '10',
		} );
		expect( pages ).toHaveTextContent( 'Page 2 of 3' );
		expect(
			screen.getByRole( 'button', { name: /ID 102/ } )
		).toBeVisible();

		await user.click( next );
		await announced( '25 contacts found. Page 3 of 3.' );
		expect( next ).toHaveAttribute( 'aria-disabled', 'true' );
		// Still focusable, so keyboard users do not lose their place.
		expect( next ).toHaveFocus();

		await user.click( previous );
		await announced( '25 contacts found. Page 2 of 3.' );
		expect( pages ).toHaveTextContent( 'Page 2 of 3' );

		await user.type( screen.getByRole( 'searchbox' ), 'x' );
		await settle();
		await announced( '25 contacts found. Page 1 of 3.' );
		expect( searches().at( -1 ) ).toEqual( {
			search: 'manyx',
			page: '1',
			per_page: '10',
		} );
	} );

	it( 'should show the server’s error, and search again on Retry', async () => {
		const user = setup();
		mockApiFetch.mockRejectedValueOnce(
			makeResponse(
				{
					code: 'civikey_civicrm_unavailable',
					message:
						'CiviCRM could not be started. Check its settings.',
					data: { status: 503 },
				},
				{ status: 503 }
			)
		);
		render( <ContactSearch onSelect={ jest.fn() } /> );

		await user.type( screen.getByRole( 'searchbox' ), 'zap' );
		await settle();

		const alert = screen.getByRole( 'alert' );
		expect( alert ).toHaveTextContent(
			'CiviCRM could not be started. Check its settings.'
		);
		expect( alert ).toHaveTextContent( 'civikey_civicrm_unavailable' );

		await user.click( screen.getByRole( 'button', { name: 'Retry' } ) );
		await announced( '2 contacts found.' );

		expect( mockApiFetch ).toHaveBeenCalledTimes( 2 );
		expect( screen.queryByRole( 'alert' ) ).not.toBeInTheDocument();
	} );

	it( 'should not search for spaces only', async () => {
		const user = setup();
		render( <ContactSearch onSelect={ jest.fn() } /> );

		await user.type( screen.getByRole( 'searchbox' ), '   ' );
		await settle();

		expect( mockApiFetch ).not.toHaveBeenCalled();
	} );
} );

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
import KeyManager from '..';
import type { Contact } from '../../../api/types';
import {
	makeContact,
	makeContactWithoutKey,
	makeKeyChange,
} from '../../../../tests/js/fixtures/contact';
import { makeConnection } from '../../../../tests/js/fixtures/connection';
import {
	makeAnonymousReport,
	makeKeyTestResult,
	makeProfiles,
	makeWorksReport,
} from '../../../../tests/js/fixtures/report';
import { makeResponse } from '../../../../tests/js/fixtures/response';
import { mockClipboard } from '../../../../tests/js/clipboard';
import {
	callsTo,
	routeApiFetch,
	type FetchOptions,
	type MockApiFetch,
	type RouteAnswer,
} from '../../../../tests/js/api-routes';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as MockApiFetch;

const ZAPIER = makeContactWithoutKey();
const MAILER = makeContact( { id: 43, display_name: 'Mailer' } );

/**
 * The contact as the server returns it after a key change: with the
 * fingerprint of the key sent, never the key.
 *
 * @param contact Contact before.
 * @param key     Key sent.
 * @return Contact after.
 */
function withKey( contact: Contact, key: string ): Contact {
	return {
		...contact,
		key: {
			status: 'set',
			fingerprint: { last4: key.slice( -4 ), length: key.length },
		},
	};
}

/**
 * Answers every route the key screens use.
 *
 * @param overrides Answers to replace.
 */
function routes( overrides: Record< string, RouteAnswer > = {} ) {
	routeApiFetch( mockApiFetch, {
		'GET /civikey/v1/contacts': makeResponse( [ ZAPIER, MAILER ], {
			headers: { 'X-WP-Total': '2', 'X-WP-TotalPages': '1' },
		} ),
		'PUT /civikey/v1/contacts/42/key': ( options: FetchOptions ) =>
			makeKeyChange(
				options.data?.replace ? 'rotate' : 'set',
				withKey( ZAPIER, String( options.data?.key ) )
			),
		'DELETE /civikey/v1/contacts/43/key': makeKeyChange( 'revoke', {
			...MAILER,
			key: { status: 'none', fingerprint: null },
		} ),
		'GET /civikey/v1/connection': makeConnection(),
		'GET /civikey/v1/profiles': makeProfiles(),
		'GET /civikey/v1/contacts/42/report': makeWorksReport(),
		'GET /civikey/v1/contacts/43/report': makeWorksReport( {
			contact: MAILER,
		} ),
		...overrides,
	} );
}

/**
 * Dispatches a cancelable beforeunload event, as the browser does when the
 * page is about to be left.
 *
 * @return Whether something asked to stay.
 */
function leavePage(): boolean {
	const event = new Event( 'beforeunload', { cancelable: true } );
	window.dispatchEvent( event );
	return event.defaultPrevented;
}

/**
 * Searches and picks a contact from the results.
 *
 * @param user  User events.
 * @param label Start of the result button's text.
 */
async function pickContact(
	user: ReturnType< typeof userEvent.setup >,
	label: string
) {
	const search = screen.getByRole( 'searchbox', { name: 'Search contacts' } );
	if ( ( search as HTMLInputElement ).value === '' ) {
		await user.type( search, 'a' );
	}
	const list = await screen.findByRole( 'list', { name: 'Contacts found' } );
	await user.click(
		within( list ).getByRole( 'button', {
			name: new RegExp( `^${ label }` ),
		} )
	);
}

/**
 * Saves the generated key on the selected contact (no key yet).
 *
 * @param user User events.
 * @return The key.
 */
async function saveGeneratedKey(
	user: ReturnType< typeof userEvent.setup >
): Promise< string > {
	const key = (
		screen.getByRole( 'textbox', {
			name: 'Generated key',
		} ) as HTMLInputElement
	 ).value;
	await user.click( screen.getByRole( 'button', { name: 'Save key…' } ) );
	await user.click( screen.getByRole( 'button', { name: 'Save key' } ) );
	await screen.findByRole( 'textbox', { name: 'New API key' } );
	return key;
}

describe( 'KeyManager', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
		routes();
	} );

	it( 'should request nothing until the admin searches', () => {
		render( <KeyManager /> );

		expect(
			screen.getByRole( 'region', { name: 'Choose a contact' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Create a service contact' } )
		).toBeInTheDocument();
		expect( mockApiFetch ).not.toHaveBeenCalled();
	} );

	it( 'should show the picked contact and move focus to it', async () => {
		const user = userEvent.setup();
		render( <KeyManager /> );

		await pickContact( user, 'Zapier' );

		const heading = screen.getByRole( 'heading', {
			level: 2,
			name: 'Zapier',
		} );
		expect( heading ).toHaveFocus();
		expect(
			screen.getByRole( 'region', { name: 'Give this contact a key' } )
		).toBeInTheDocument();
		expect(
			await screen.findByRole( 'region', { name: 'How to use this key' } )
		).toBeInTheDocument();
	} );

	it( 'should show a new key once: after saving, until Done, and never again', async () => {
		const user = userEvent.setup();
		render( <KeyManager /> );
		await pickContact( user, 'Zapier' );

		const key = await saveGeneratedKey( user );

		// Shown, in the notice that now has focus, and in the example.
		const notice = screen.getByRole( 'region', {
			name: 'Key saved on Zapier (contact #42).',
		} );
		expect( notice ).toHaveFocus();
		expect(
			within( notice ).getByRole( 'textbox', { name: 'New API key' } )
		).toHaveValue( key );
		await waitFor( () =>
			expect(
				screen.getByRole( 'region', { name: 'How to use this key' } )
			).toHaveTextContent( `Bearer ${ key }` )
		);
		// The editor is gone while the key is shown: one key on screen.
		expect(
			screen.queryByRole( 'textbox', { name: 'Generated key' } )
		).not.toBeInTheDocument();
		// The card shows only the fingerprint the server sent back.
		expect(
			screen.getByText(
				`Key ending …${ key.slice( -4 ) } (32 characters)`
			)
		).toBeInTheDocument();

		const requestsBeforeDone = mockApiFetch.mock.calls.length;
		await user.click(
			screen.getByRole( 'button', { name: 'Done, I have copied it' } )
		);

		// Gone from the page: no field holds it, no text shows it.
		expect( screen.queryByDisplayValue( key ) ).not.toBeInTheDocument();
		expect( document.body.textContent ).not.toContain( key );
		expect(
			screen.getByRole( 'region', { name: 'How to use this key' } )
		).toHaveTextContent( 'Bearer YOUR_API_KEY' );
		expect(
			screen.getByRole( 'heading', { level: 2, name: 'Zapier' } )
		).toHaveFocus();
		// And nothing asked the server for it again.
		expect( mockApiFetch.mock.calls.length ).toBe( requestsBeforeDone );
		for ( const [ options ] of mockApiFetch.mock.calls ) {
			expect( ( options as FetchOptions ).path ).not.toContain( key );
		}
	} );

	it( 'should ask before leaving the page until the key is copied', async () => {
		const user = userEvent.setup();
		render( <KeyManager /> );
		await pickContact( user, 'Zapier' );
		expect( leavePage() ).toBe( false );

		const key = await saveGeneratedKey( user );
		expect( leavePage() ).toBe( true );

		const writeText = mockClipboard();
		await user.click( screen.getByRole( 'button', { name: 'Copy key' } ) );

		expect( writeText ).toHaveBeenCalledWith( key );
		expect( screen.getByText( 'Copied.' ) ).toBeInTheDocument();
		expect( leavePage() ).toBe( false );
		// Copying does not hide the key: Done does.
		expect( screen.getByDisplayValue( key ) ).toBeInTheDocument();
	} );

	it( 'should stop asking before leaving once Done is pressed', async () => {
		const user = userEvent.setup();
		render( <KeyManager /> );
		await pickContact( user, 'Zapier' );
		await saveGeneratedKey( user );
		expect( leavePage() ).toBe( true );

		await user.click(
			screen.getByRole( 'button', { name: 'Done, I have copied it' } )
		);

		expect( leavePage() ).toBe( false );
	} );

	it( 'should warn before picking another contact while the key is not copied', async () => {
		const user = userEvent.setup();
		render( <KeyManager /> );
		await pickContact( user, 'Zapier' );
		const key = await saveGeneratedKey( user );

		await pickContact( user, 'Mailer' );

		const dialog = screen.getByRole( 'dialog', {
			name: 'Leave the new key without copying it?',
		} );
		expect( dialog ).toHaveTextContent(
			'You have not copied the new key of Zapier (contact #42). If you go on to Mailer (contact #43)'
		);

		await user.click(
			within( dialog ).getByRole( 'button', {
				name: 'Go back to the key',
			} )
		);

		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
		expect( screen.getByDisplayValue( key ) ).toBeInTheDocument();
		expect(
			screen.getByRole( 'region', {
				name: 'Key saved on Zapier (contact #42).',
			} )
		).toHaveFocus();

		await pickContact( user, 'Mailer' );
		await user.click(
			screen.getByRole( 'button', { name: 'Leave the key' } )
		);

		expect(
			screen.getByRole( 'heading', { level: 2, name: 'Mailer' } )
		).toHaveFocus();
		expect( screen.queryByDisplayValue( key ) ).not.toBeInTheDocument();
		expect( document.body.textContent ).not.toContain( key );
		expect( leavePage() ).toBe( false );
	} );

	it( 'should not warn about switching once the key is copied', async () => {
		const user = userEvent.setup();
		render( <KeyManager /> );
		await pickContact( user, 'Zapier' );
		await saveGeneratedKey( user );
		mockClipboard();
		await user.click( screen.getByRole( 'button', { name: 'Copy key' } ) );

		await pickContact( user, 'Mailer' );

		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
		expect(
			screen.getByRole( 'heading', { level: 2, name: 'Mailer' } )
		).toBeInTheDocument();
	} );

	it( 'should confirm a revoke, then say so and move focus to the message', async () => {
		const user = userEvent.setup();
		render( <KeyManager /> );
		await pickContact( user, 'Mailer' );

		await user.click(
			screen.getByRole( 'button', { name: 'Revoke key…' } )
		);
		expect(
			screen.getByRole( 'dialog', {
				name: 'Revoke the key of Mailer (contact #43)?',
			} )
		).toBeInTheDocument();
		expect(
			callsTo( mockApiFetch, 'DELETE /civikey/v1/contacts/43/key' )
		).toHaveLength( 0 );
		await user.click(
			screen.getByRole( 'button', { name: 'Revoke key' } )
		);

		const message = await screen.findByText(
			'The key of Mailer (contact #43) was revoked. Whatever used it no longer works.',
			{ selector: '.components-notice__content' }
		);
		expect( message.closest( '[tabindex="-1"]' ) ).toHaveFocus();
		expect(
			callsTo( mockApiFetch, 'DELETE /civikey/v1/contacts/43/key' )
		).toHaveLength( 1 );
		expect( screen.getByText( 'No key' ) ).toBeInTheDocument();
	} );

	it( 'should select a service contact once created', async () => {
		const user = userEvent.setup();
		const created = makeContactWithoutKey( {
			id: 99,
			display_name: 'Webhook',
			linked_user: null,
		} );
		routes( { 'POST /civikey/v1/contacts': created } );
		render( <KeyManager /> );

		await user.click(
			screen.getByRole( 'button', { name: 'Create a service contact' } )
		);
		await user.keyboard( 'Webhook{Enter}' );

		expect(
			await screen.findByRole( 'heading', { level: 2, name: 'Webhook' } )
		).toHaveFocus();
		expect(
			screen.getByText(
				'Service contact Webhook (contact #99) created.',
				{
					selector: '.components-notice__content',
				}
			)
		).toBeInTheDocument();
	} );

	it( 'should reload the contact when its key changed behind this page', async () => {
		const user = userEvent.setup();
		routes( {
			'PUT /civikey/v1/contacts/42/key': () => {
				throw {
					code: 'civikey_key_exists',
					message:
						'This contact already has a key. Confirm replacing it.',
					data: { status: 409 },
				};
			},
			'GET /civikey/v1/contacts/42': withKey(
				ZAPIER,
				'ZZZZZZZZZZZZZZZZZZZZZZZZZZZZ9876'
			),
		} );
		render( <KeyManager /> );
		await pickContact( user, 'Zapier' );

		await user.click( screen.getByRole( 'button', { name: 'Save key…' } ) );
		await user.click( screen.getByRole( 'button', { name: 'Save key' } ) );

		expect( await screen.findByRole( 'alert' ) ).toHaveTextContent(
			'This contact already has a key. Confirm replacing it.'
		);
		expect(
			await screen.findByText( 'Key ending …9876 (32 characters)' )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Replace key…' } )
		).toBeInTheDocument();
	} );

	it( 'should keep the key when the admin picks the same contact again', async () => {
		const user = userEvent.setup();
		render( <KeyManager /> );
		await pickContact( user, 'Zapier' );
		const key = await saveGeneratedKey( user );

		await pickContact( user, 'Zapier' );

		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
		expect( screen.getByDisplayValue( key ) ).toBeInTheDocument();
		expect(
			screen.getByRole( 'region', {
				name: 'Key saved on Zapier (contact #42).',
			} )
		).toHaveFocus();
	} );

	it( 'should check access right under the contact card', async () => {
		const user = userEvent.setup();
		render( <KeyManager /> );
		await pickContact( user, 'Zapier' );

		const card = screen.getByRole( 'region', { name: 'Zapier' } );
		const check = screen.getByRole( 'region', {
			name: 'Will this key work?',
		} );
		const editor = screen.getByRole( 'region', {
			name: 'Give this contact a key',
		} );
		expect( card.nextElementSibling ).toBe( check );
		expect(
			// eslint-disable-next-line no-bitwise
			check.compareDocumentPosition( editor ) &
				Node.DOCUMENT_POSITION_FOLLOWING
		).toBeTruthy();
		expect(
			await within( check ).findByText( 'Yes, it will work.' )
		).toBeInTheDocument();
	} );

	it( 'should show the site key in the usage examples only for a contact whose requests need it', async () => {
		const user = userEvent.setup();
		routes( {
			'GET /civikey/v1/connection': makeConnection( {
				site_key_header: 'depends_on_user',
			} ),
			'GET /civikey/v1/contacts/43/report': makeWorksReport( {
				contact: MAILER,
				needs_site_key: true,
			} ),
		} );
		render( <KeyManager /> );
		// The APIv4 example, the first command under "How to use this key".
		const api4Command = async () =>
			within(
				await screen.findByRole( 'region', {
					name: 'How to use this key',
				} )
			).getAllByText( /^curl/, { selector: 'code' } )[ 0 ];

		await pickContact( user, 'Zapier' );
		await waitFor( async () =>
			expect( await api4Command() ).not.toHaveTextContent( 'X-Civi-Key' )
		);

		await pickContact( user, 'Mailer' );
		await waitFor( async () =>
			expect( await api4Command() ).toHaveTextContent(
				"-H 'X-Civi-Key: YOUR_SITE_KEY'"
			)
		);
	} );

	it( 'should check access again after the new key is tested', async () => {
		const user = userEvent.setup();
		routes( {
			'POST /civikey/v1/contacts/42/key/test': makeKeyTestResult(),
		} );
		render( <KeyManager /> );
		await pickContact( user, 'Zapier' );
		await screen.findByText( 'Yes, it will work.' );
		const key = await saveGeneratedKey( user );
		const reports = callsTo(
			mockApiFetch,
			'GET /civikey/v1/contacts/42/report'
		).length;

		await user.click(
			screen.getByRole( 'button', { name: 'Test this key now' } )
		);

		expect(
			await screen.findByText( 'Authenticated as contact 42.' )
		).toBeInTheDocument();
		expect(
			callsTo(
				mockApiFetch,
				'POST /civikey/v1/contacts/42/key/test'
			)[ 0 ].data
		).toEqual( { key } );
		await waitFor( () =>
			expect(
				callsTo( mockApiFetch, 'GET /civikey/v1/contacts/42/report' )
			).toHaveLength( reports + 1 )
		);
	} );

	it( 'should reload the contact card after a fix', async () => {
		const user = userEvent.setup();
		const noUser = makeContactWithoutKey( { linked_user: null } );
		const linked = makeContactWithoutKey( {
			linked_user: {
				id: 12,
				exists: true,
				login: 'zapier',
				display_name: 'Zapier',
				roles: [],
			},
		} );
		routes( {
			'GET /civikey/v1/contacts': makeResponse( [ noUser ], {
				headers: { 'X-WP-Total': '1', 'X-WP-TotalPages': '1' },
			} ),
			'POST /civikey/v1/contacts/42/user': {
				user_id: 12,
				login: 'zapier',
			},
			'GET /civikey/v1/contacts/42': linked,
			'GET /civikey/v1/contacts/42/report': makeAnonymousReport( noUser ),
		} );
		render( <KeyManager /> );
		await pickContact( user, 'Zapier' );

		await user.click(
			await screen.findByRole( 'button', {
				name: 'Create a WordPress user for this contact',
			} )
		);
		await user.click(
			screen.getByRole( 'button', { name: 'Create user' } )
		);

		expect(
			await screen.findByText( 'zapier (Zapier) — no role' )
		).toBeInTheDocument();
	} );
} );

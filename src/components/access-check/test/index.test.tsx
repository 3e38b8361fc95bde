/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import AccessCheck from '..';
import type { AccessReport } from '../../../api/access-types';
import { makeContact } from '../../../../tests/js/fixtures/contact';
import {
	makeAnonymousReport,
	makeCheck,
	makeProfiles,
	makeRefusedReport,
	makeWorksReport,
	makeWpUser,
} from '../../../../tests/js/fixtures/report';
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

const REPORT = 'GET /civikey/v1/contacts/42/report';
const NO_USER = makeContact( { linked_user: null } );

/**
 * Answers the profiles, and the report with `report`.
 *
 * @param report    Report answer.
 * @param overrides Other answers.
 */
function routes(
	report: RouteAnswer,
	overrides: Record< string, RouteAnswer > = {}
) {
	routeApiFetch( mockApiFetch, {
		'GET /civikey/v1/profiles': makeProfiles(),
		[ REPORT ]: report,
		...overrides,
	} );
}

/**
 * Answers the report with each of `reports` in turn, then the last again.
 *
 * @param reports Reports.
 * @return The route answer.
 */
function inTurn( ...reports: AccessReport[] ): RouteAnswer {
	let next = 0;
	return () => reports[ Math.min( next++, reports.length - 1 ) ];
}

/**
 * The query of a request, parsed.
 *
 * @param options Request options.
 * @return Its parameters.
 */
function queryOf( options: FetchOptions ): URLSearchParams {
	return new URLSearchParams( options.path.split( '?' )[ 1 ] ?? '' );
}

/**
 * The panel.
 *
 * @return Its region.
 */
function panel(): HTMLElement {
	return screen.getByRole( 'region', { name: 'Will this key work?' } );
}

/**
 * The verdict's live region, once the report has arrived.
 *
 * @return The region.
 */
async function findVerdict(): Promise< HTMLElement > {
	const heading = await screen.findByRole( 'region', {
		name: 'Will this key work?',
	} );
	const verdict = within( heading ).getAllByRole( 'status' )[ 0 ];
	await waitFor( () =>
		expect( verdict ).not.toHaveAttribute( 'aria-busy', 'true' )
	);
	return verdict;
}

describe( 'AccessCheck', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	describe( 'verdict', () => {
		it( 'should say a working key works, in words, as a success', async () => {
			routes( makeWorksReport() );
			render( <AccessCheck contact={ makeContact() } /> );

			const verdict = await findVerdict();
			await waitFor( () =>
				expect( verdict ).toHaveTextContent( 'Yes, it will work.' )
			);
			expect( verdict ).toHaveTextContent(
				'This key works: requests authenticate as the linked WordPress user'
			);
			expect( verdict ).toHaveTextContent(
				'Requests made with the key run as the WordPress user “zapier-bot”.'
			);
			expect( verdict.querySelector( '.components-notice' ) ).toHaveClass(
				'is-success'
			);
		} );

		it( 'should say when it works only with the site key', async () => {
			routes(
				makeWorksReport( {
					needs_site_key: true,
					summary:
						'This key works when requests also send the site key (X-Civi-Key header).',
				} )
			);
			render( <AccessCheck contact={ makeContact() } /> );

			const verdict = await findVerdict();
			await waitFor( () =>
				expect( verdict ).toHaveTextContent(
					'Yes, but only with the site key.'
				)
			);
			expect( verdict ).toHaveTextContent( 'X-Civi-Key header' );
		} );

		it( 'should tell whether the key needs the site key, each time a report arrives', async () => {
			routes(
				inTurn(
					makeWorksReport( { needs_site_key: true } ),
					makeWorksReport( { needs_site_key: false } )
				)
			);
			const told = jest.fn();
			const { rerender } = render(
				<AccessCheck
					contact={ makeContact() }
					onNeedsSiteKeyChange={ told }
				/>
			);

			await waitFor( () =>
				expect( told ).toHaveBeenLastCalledWith( true )
			);
			expect( told ).toHaveBeenNthCalledWith( 1, null );

			rerender(
				<AccessCheck
					contact={ makeContact() }
					refreshKey={ 1 }
					onNeedsSiteKeyChange={ told }
				/>
			);
			await waitFor( () =>
				expect( told ).toHaveBeenLastCalledWith( false )
			);
		} );

		it( 'should warn that a key without a user runs as an anonymous visitor', async () => {
			routes( makeAnonymousReport() );
			render( <AccessCheck contact={ NO_USER } /> );

			const verdict = await findVerdict();
			await waitFor( () =>
				expect( verdict ).toHaveTextContent(
					'Only as an anonymous visitor'
				)
			);
			expect( verdict ).toHaveTextContent(
				'Requests made with the key run as an anonymous visitor.'
			);
			expect( verdict.querySelector( '.components-notice' ) ).toHaveClass(
				'is-warning'
			);
		} );

		it( 'should say a refused key will be refused, and why', async () => {
			routes( makeRefusedReport() );
			render( <AccessCheck contact={ makeContact() } /> );

			const verdict = await findVerdict();
			await waitFor( () =>
				expect( verdict ).toHaveTextContent( 'No, it will be refused.' )
			);
			expect( verdict ).toHaveTextContent(
				'This key will be refused because the user lacks "view all contacts".'
			);
			expect( verdict.querySelector( '.components-notice' ) ).toHaveClass(
				'is-error'
			);
		} );

		it( 'should show an error with Retry when the report fails', async () => {
			const user = userEvent.setup();
			let calls = 0;
			routes( () => {
				calls++;
				if ( calls === 1 ) {
					throw {
						code: 'civikey_civicrm_unavailable',
						message: 'CiviCRM is not ready.',
						data: { status: 503 },
					};
				}
				return makeWorksReport();
			} );
			render( <AccessCheck contact={ makeContact() } /> );

			const alert = await screen.findByRole( 'alert' );
			expect( alert ).toHaveTextContent( 'CiviCRM is not ready.' );

			await user.click( screen.getByRole( 'button', { name: 'Retry' } ) );

			expect(
				await screen.findByText( 'Yes, it will work.' )
			).toBeInTheDocument();
		} );
	} );

	describe( 'checklist, permissions and warnings', () => {
		it( 'should mark each check in words', async () => {
			routes( makeRefusedReport() );
			render( <AccessCheck contact={ makeContact() } /> );

			const list = await screen.findByRole( 'list', { name: 'Checks' } );
			const lines = within( list ).getAllByRole( 'listitem' );
			expect( lines[ 0 ] ).toHaveTextContent( 'Pass AuthX is enabled.' );
			expect( lines[ 1 ] ).toHaveTextContent(
				'Note AuthX does not accept API keys'
			);
			expect( lines[ 2 ] ).toHaveTextContent(
				'Problem The user lacks "view all contacts".'
			);
			expect( lines[ 2 ] ).toHaveTextContent(
				'Give the user a dedicated role with exactly these permissions.'
			);
			expect(
				within( lines[ 2 ] ).getByRole( 'button', {
					name: 'Give the user a dedicated role',
				} )
			).toHaveAccessibleDescription(
				'Problem The user lacks "view all contacts".'
			);
		} );

		it( 'should offer the user fixes once, on the first line needing them', async () => {
			routes( makeAnonymousReport() );
			render( <AccessCheck contact={ NO_USER } /> );

			const list = await screen.findByRole( 'list', { name: 'Checks' } );
			const lines = within( list ).getAllByRole( 'listitem' );
			expect( lines[ 1 ] ).toHaveTextContent( 'Warning' );
			expect(
				within( lines[ 1 ] ).getByRole( 'button', {
					name: 'Create a WordPress user for this contact',
				} )
			).toBeInTheDocument();
			expect(
				within( lines[ 1 ] ).getByRole( 'button', {
					name: 'Link an existing user…',
				} )
			).toBeInTheDocument();
			expect(
				within( lines[ 2 ] ).queryByRole( 'button' )
			).not.toBeInTheDocument();
			expect( lines[ 2 ] ).toHaveTextContent(
				'Create a WordPress user for this contact and give it a dedicated role.'
			);
		} );

		it( 'should link to CiviCRM’s screens for what only CiviCRM can fix', async () => {
			routes(
				makeWorksReport( {
					verdict: 'refused',
					checks: [
						makeCheck( {
							status: 'fail',
							message: 'AuthX is not enabled.',
							fix: 'open_extensions',
							fix_how: 'Enable AuthX.',
						} ),
						makeCheck( {
							id: 'flow',
							status: 'fail',
							message: 'AuthX does not accept API keys.',
							fix: 'open_authx_settings',
							fix_how: 'Add API Key.',
						} ),
						makeCheck( {
							id: 'contact',
							status: 'fail',
							message: 'The contact is in CiviCRM’s trash.',
							fix: 'restore_contact',
							fix_how: 'Restore the contact in CiviCRM.',
						} ),
					],
				} )
			);
			render( <AccessCheck contact={ makeContact() } /> );

			expect(
				await screen.findByRole( 'link', {
					name: 'Open CiviCRM’s extensions',
				} )
			).toHaveAttribute(
				'href',
				'admin.php?page=CiviCRM&q=civicrm/admin/extensions'
			);
			expect(
				screen.getByRole( 'link', {
					name: 'Open CiviCRM’s authentication settings',
				} )
			).toHaveAttribute(
				'href',
				'admin.php?page=CiviCRM&q=civicrm/admin/setting/authx'
			);
			// Restoring is CiviCRM's job: words, no button.
			expect(
				screen.getByText( 'Restore the contact in CiviCRM.' )
			).toBeInTheDocument();
			const list = screen.getByRole( 'list', { name: 'Checks' } );
			expect(
				within( list ).queryByRole( 'button' )
			).not.toBeInTheDocument();
		} );

		it( 'should table the permissions and call out missing ones', async () => {
			routes( makeRefusedReport() );
			render( <AccessCheck contact={ makeContact() } /> );

			const table = await screen.findByRole( 'table', {
				name: 'Permissions of the WordPress user “zapier-bot”',
			} );
			expect(
				within( table )
					.getAllByRole( 'columnheader' )
					.map( ( cell ) => cell.textContent )
			).toEqual( [
				'CiviCRM permission',
				'WordPress capability',
				'Required',
				'Present',
			] );
			const row = within( table ).getByRole( 'row', {
				name: /view all contacts/,
			} );
			expect( row ).toHaveTextContent(
				'view all contactsview_all_contactsYesNo — missing'
			);
			expect(
				screen.getByText(
					'Missing for the WordPress user “zapier-bot”: “view all contacts”.'
				)
			).toBeInTheDocument();
		} );

		it( 'should list least-privilege warnings', async () => {
			routes(
				makeWorksReport( {
					warnings: [
						{
							id: 'administrator',
							message:
								'The linked user is a WordPress administrator.',
						},
					],
				} )
			);
			render( <AccessCheck contact={ makeContact() } /> );

			expect(
				await screen.findByRole( 'heading', {
					name: 'Least privilege',
				} )
			).toBeInTheDocument();
			expect(
				screen.getByText(
					'The linked user is a WordPress administrator.'
				)
			).toBeInTheDocument();
		} );
	} );

	describe( 'profiles', () => {
		it( 'should ask for the chosen profile', async () => {
			const user = userEvent.setup();
			routes( makeWorksReport() );
			render( <AccessCheck contact={ makeContact() } /> );
			await findVerdict();
			expect(
				queryOf( callsTo( mockApiFetch, REPORT )[ 0 ] ).get( 'profile' )
			).toBe( 'read_contacts' );

			await user.click(
				await screen.findByRole( 'radio', {
					name: 'Read and edit contacts',
				} )
			);

			await waitFor( () =>
				expect( callsTo( mockApiFetch, REPORT ) ).toHaveLength( 2 )
			);
			const query = queryOf( callsTo( mockApiFetch, REPORT )[ 1 ] );
			expect( query.get( 'profile' ) ).toBe( 'edit_contacts' );
			expect( query.getAll( 'permissions[]' ) ).toEqual( [] );
		} );

		it( 'should send the ticked permissions[] with Custom, never administer unless ticked', async () => {
			const user = userEvent.setup();
			routes( makeWorksReport() );
			render( <AccessCheck contact={ makeContact() } /> );
			await findVerdict();

			await user.click(
				await screen.findByRole( 'radio', { name: 'Custom' } )
			);

			const group = screen.getByRole( 'group', {
				name: 'CiviCRM permissions it needs',
			} );
			// Every permission any profile needs, and the two always shown.
			expect(
				within( group )
					.getAllByRole( 'checkbox' )
					.map( ( box ) => box.closest( 'div' )?.textContent )
			).toHaveLength( 6 );
			expect(
				within( group ).getByRole( 'checkbox', {
					name: 'access AJAX API',
				} )
			).toBeDisabled();
			expect(
				within( group ).getByRole( 'checkbox', {
					name: 'administer CiviCRM',
				} )
			).not.toBeChecked();
			// Starts from the profile chosen before.
			expect(
				within( group ).getByRole( 'checkbox', {
					name: 'view all contacts',
				} )
			).toBeChecked();

			await waitFor( () =>
				expect( callsTo( mockApiFetch, REPORT ) ).toHaveLength( 2 )
			);
			let query = queryOf( callsTo( mockApiFetch, REPORT )[ 1 ] );
			expect( query.get( 'profile' ) ).toBe( 'custom' );
			expect( query.getAll( 'permissions[]' ) ).toEqual( [
				'access AJAX API',
				'view all contacts',
			] );

			await user.click(
				within( group ).getByRole( 'checkbox', {
					name: 'edit all contacts',
				} )
			);
			await user.click(
				within( group ).getByRole( 'checkbox', {
					name: 'view all contacts',
				} )
			);

			await waitFor( () =>
				expect( callsTo( mockApiFetch, REPORT ) ).toHaveLength( 4 )
			);
			query = queryOf( callsTo( mockApiFetch, REPORT )[ 3 ] );
			expect( query.getAll( 'permissions[]' ) ).toEqual( [
				'access AJAX API',
				'edit all contacts',
			] );
		} );
	} );

	describe( 'fixes', () => {
		it( 'should ask before creating a user, then create it and check again', async () => {
			const user = userEvent.setup();
			const onChanged = jest.fn();
			const created = makeContact( {
				linked_user: {
					id: 12,
					exists: true,
					login: 'zapier',
					display_name: 'Zapier',
					roles: [],
				},
			} );
			routes(
				inTurn(
					makeAnonymousReport(),
					makeRefusedReport(),
					makeRefusedReport()
				),
				{
					'POST /civikey/v1/contacts/42/user': {
						user_id: 12,
						login: 'zapier',
					},
					'GET /civikey/v1/contacts/42': created,
				}
			);
			render(
				<AccessCheck contact={ NO_USER } onChanged={ onChanged } />
			);

			await user.click(
				await screen.findByRole( 'button', {
					name: 'Create a WordPress user for this contact',
				} )
			);

			const dialog = screen.getByRole( 'dialog', {
				name: 'Create a WordPress user for Zapier (contact #42)?',
			} );
			expect( dialog ).toHaveTextContent(
				'Create WordPress user “zapier” with no role and a random password nobody sees, linked to Zapier (contact #42).'
			);
			// Nothing is done before the admin says so.
			expect(
				callsTo( mockApiFetch, 'POST /civikey/v1/contacts/42/user' )
			).toHaveLength( 0 );

			await user.click(
				within( dialog ).getByRole( 'button', { name: 'Create user' } )
			);

			await waitFor( () =>
				expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument()
			);
			expect(
				callsTo(
					mockApiFetch,
					'POST /civikey/v1/contacts/42/user'
				)[ 0 ].data
			).toEqual( { action: 'create' } );
			const done = within( panel() ).getByText(
				'WordPress user “zapier” created and linked to Zapier (contact #42). It has no role yet.'
			);
			await waitFor( () =>
				expect( done.closest( '[tabindex="-1"]' ) ).toHaveFocus()
			);
			expect( onChanged ).toHaveBeenCalledTimes( 1 );
			// Checked again: the new verdict shows.
			expect(
				await screen.findByText( 'No, it will be refused.' )
			).toBeInTheDocument();
			expect( callsTo( mockApiFetch, REPORT ) ).toHaveLength( 2 );
		} );

		it( 'should send nothing when the admin cancels', async () => {
			const user = userEvent.setup();
			routes( makeAnonymousReport() );
			render( <AccessCheck contact={ NO_USER } /> );

			await user.click(
				await screen.findByRole( 'button', {
					name: 'Create a WordPress user for this contact',
				} )
			);
			await user.click(
				screen.getByRole( 'button', { name: 'Cancel' } )
			);

			expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
			expect(
				mockApiFetch.mock.calls.filter(
					( [ options ] ) =>
						( options as FetchOptions ).method === 'POST'
				)
			).toHaveLength( 0 );
		} );

		it( 'should keep the dialog open with the reason when a fix fails', async () => {
			const user = userEvent.setup();
			routes( makeAnonymousReport(), {
				'POST /civikey/v1/contacts/42/user': () => {
					throw {
						code: 'civikey_civicrm_forbidden',
						message: 'CiviCRM does not let you link users.',
						data: { status: 403 },
					};
				},
			} );
			render( <AccessCheck contact={ NO_USER } /> );

			await user.click(
				await screen.findByRole( 'button', {
					name: 'Create a WordPress user for this contact',
				} )
			);
			await user.click(
				screen.getByRole( 'button', { name: 'Create user' } )
			);

			const dialog = screen.getByRole( 'dialog' );
			expect(
				await within( dialog ).findByRole( 'alert' )
			).toHaveTextContent( 'CiviCRM does not let you link users.' );
			expect( callsTo( mockApiFetch, REPORT ) ).toHaveLength( 1 );
		} );

		it( 'should ask before giving the user a role, naming the role and its permissions', async () => {
			const user = userEvent.setup();
			routes( inTurn( makeRefusedReport(), makeWorksReport() ), {
				'POST /civikey/v1/contacts/42/role': {
					role: 'civikey_client_0123456789',
					name: 'CiviCRM API client: Read contacts',
					created: true,
					capabilities: [ 'access_ajax_api' ],
					user_id: 7,
				},
			} );
			render( <AccessCheck contact={ makeContact() } /> );

			await user.click(
				await screen.findByRole( 'button', {
					name: 'Give the user a dedicated role',
				} )
			);

			const dialog = screen.getByRole( 'dialog', {
				name: 'Give “zapier-bot” a dedicated role?',
			} );
			expect( dialog ).toHaveTextContent(
				'Give WordPress user “zapier-bot”, linked to Zapier (contact #42), the role “CiviCRM API client: Read contacts”, holding exactly these CiviCRM permissions: “access AJAX API”, “view all contacts”, “authenticate with api key”.'
			);

			await user.click(
				within( dialog ).getByRole( 'button', { name: 'Give role' } )
			);

			expect(
				await within( panel() ).findByText(
					'Role “CiviCRM API client: Read contacts” created and given to “zapier-bot”.'
				)
			).toBeInTheDocument();
			expect(
				callsTo(
					mockApiFetch,
					'POST /civikey/v1/contacts/42/role'
				)[ 0 ].data
			).toEqual( { profile: 'read_contacts' } );
			expect(
				await screen.findByText( 'Yes, it will work.' )
			).toBeInTheDocument();
		} );

		it( 'should work from the keyboard: Enter or Space to ask, Escape to back out', async () => {
			const user = userEvent.setup();
			routes( makeRefusedReport(), {
				'POST /civikey/v1/contacts/42/role': {
					role: 'civikey_client_0123456789',
					name: 'CiviCRM API client: Read contacts',
					created: false,
					capabilities: [ 'access_ajax_api' ],
					user_id: 7,
				},
			} );
			render( <AccessCheck contact={ makeContact() } /> );
			const fixButton = await screen.findByRole( 'button', {
				name: 'Give the user a dedicated role',
			} );
			await waitFor( () => expect( fixButton ).toBeEnabled() );

			fixButton.focus();
			await user.keyboard( '{Enter}' );

			const dialog = screen.getByRole( 'dialog' );
			// Focus starts on Cancel: Enter by reflex changes nothing.
			await waitFor( () =>
				expect(
					within( dialog ).getByRole( 'button', { name: 'Cancel' } )
				).toHaveFocus()
			);
			await user.keyboard( '{Escape}' );

			expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
			expect( fixButton ).toHaveFocus();

			// Space works too; Enter on the go-ahead button applies the fix.
			await user.keyboard( ' ' );
			await waitFor( () =>
				expect(
					screen.getByRole( 'button', { name: 'Cancel' } )
				).toHaveFocus()
			);
			act( () =>
				screen.getByRole( 'button', { name: 'Give role' } ).focus()
			);
			await user.keyboard( '{Enter}' );

			expect(
				await within( panel() ).findByText(
					'Role “CiviCRM API client: Read contacts” given to “zapier-bot”.'
				)
			).toBeInTheDocument();
			expect(
				callsTo( mockApiFetch, 'POST /civikey/v1/contacts/42/role' )
			).toHaveLength( 1 );
			await waitFor( () =>
				expect( callsTo( mockApiFetch, REPORT ) ).toHaveLength( 2 )
			);
		} );

		it( 'should reach the fix buttons by Tab, in reading order', async () => {
			const user = userEvent.setup();
			routes( makeAnonymousReport() );
			render( <AccessCheck contact={ NO_USER } /> );
			const create = await screen.findByRole( 'button', {
				name: 'Create a WordPress user for this contact',
			} );
			await waitFor( () => expect( create ).toBeEnabled() );

			create.focus();
			await user.tab();

			expect(
				screen.getByRole( 'button', { name: 'Link an existing user…' } )
			).toHaveFocus();
		} );
	} );

	describe( 'linking an existing user', () => {
		const ROBOT = makeWpUser();

		/**
		 * Opens the link dialog and picks the robot user.
		 *
		 * @param user User events.
		 * @return The dialog.
		 */
		async function pickRobot(
			user: ReturnType< typeof userEvent.setup >
		): Promise< HTMLElement > {
			await user.click(
				await screen.findByRole( 'button', {
					name: 'Link an existing user…',
				} )
			);
			const dialog = screen.getByRole( 'dialog', {
				name: 'Link a WordPress user to Zapier (contact #42)',
			} );
			await waitFor( () =>
				expect(
					within( dialog ).getByRole( 'searchbox', {
						name: 'Search WordPress users',
					} )
				).toHaveFocus()
			);
			await user.keyboard( 'robot' );
			await within( dialog ).findByText( '1 user shown.' );
			const results = await within( dialog ).findByRole( 'list', {
				name: 'WordPress users',
			} );
			await user.click(
				within( results ).getByRole( 'button', {
					name: /^“sync-robot” \(Sync Robot\)/,
				} )
			);
			return dialog;
		}

		it( 'should search users, ask, link, and check again', async () => {
			const user = userEvent.setup();
			routes( inTurn( makeAnonymousReport(), makeWorksReport() ), {
				'GET /wp/v2/users': [ ROBOT ],
				'POST /civikey/v1/contacts/42/user': {
					user_id: 9,
					login: 'sync-robot',
					moved_from: null,
				},
			} );
			render( <AccessCheck contact={ NO_USER } /> );

			const dialog = await pickRobot( user );

			const question = within( dialog ).getByText(
				/^Link WordPress user “sync-robot” \(Sync Robot\) to Zapier \(contact #42\)\?/
			);
			expect( question ).toHaveFocus();
			const search = queryOf(
				callsTo( mockApiFetch, 'GET /wp/v2/users' ).at(
					-1
				) as FetchOptions
			);
			expect( search.get( 'search' ) ).toBe( 'robot' );

			await user.click(
				within( dialog ).getByRole( 'button', { name: 'Link user' } )
			);

			expect(
				await within( panel() ).findByText(
					'WordPress user “sync-robot” linked to Zapier (contact #42).'
				)
			).toBeInTheDocument();
			expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
			expect(
				callsTo(
					mockApiFetch,
					'POST /civikey/v1/contacts/42/user'
				)[ 0 ].data
			).toEqual( { action: 'link', user_id: 9 } );
			expect(
				await screen.findByText( 'Yes, it will work.' )
			).toBeInTheDocument();
		} );

		it( 'should ask again before moving a user linked to another contact', async () => {
			const user = userEvent.setup();
			routes( inTurn( makeAnonymousReport(), makeWorksReport() ), {
				'GET /wp/v2/users': [ ROBOT ],
				'POST /civikey/v1/contacts/42/user': (
					options: FetchOptions
				) => {
					if ( ! options.data?.move ) {
						throw {
							code: 'civikey_user_linked_elsewhere',
							message:
								'This WordPress user is linked to contact 17.',
							data: { status: 409, contact_id: 17 },
						};
					}
					return { user_id: 9, login: 'sync-robot', moved_from: 17 };
				},
			} );
			render( <AccessCheck contact={ NO_USER } /> );
			const dialog = await pickRobot( user );

			await user.click(
				within( dialog ).getByRole( 'button', { name: 'Link user' } )
			);

			const warning = await within( dialog ).findByText(
				/^“sync-robot” \(Sync Robot\) is linked to contact 17 now\./
			);
			expect( warning ).toHaveTextContent(
				'Linking it to Zapier (contact #42) unlinks it from contact 17'
			);
			await waitFor( () => expect( warning ).toHaveFocus() );
			expect( callsTo( mockApiFetch, REPORT ) ).toHaveLength( 1 );

			await user.click(
				within( dialog ).getByRole( 'button', {
					name: 'Move the link here',
				} )
			);

			expect(
				await within( panel() ).findByText(
					'WordPress user “sync-robot” linked to Zapier (contact #42). It is no longer linked to contact 17.'
				)
			).toBeInTheDocument();
			const posts = callsTo(
				mockApiFetch,
				'POST /civikey/v1/contacts/42/user'
			);
			expect( posts.map( ( options ) => options.data ) ).toEqual( [
				{ action: 'link', user_id: 9 },
				{ action: 'link', user_id: 9, move: true },
			] );
			await waitFor( () =>
				expect( callsTo( mockApiFetch, REPORT ) ).toHaveLength( 2 )
			);
		} );

		it( 'should not move the link when the admin goes back', async () => {
			const user = userEvent.setup();
			routes( makeAnonymousReport(), {
				'GET /wp/v2/users': [ ROBOT ],
				'POST /civikey/v1/contacts/42/user': () => {
					throw {
						code: 'civikey_user_linked_elsewhere',
						message: 'Linked elsewhere.',
						data: { status: 409, contact_id: 17 },
					};
				},
			} );
			render( <AccessCheck contact={ NO_USER } /> );
			const dialog = await pickRobot( user );
			await user.click(
				within( dialog ).getByRole( 'button', { name: 'Link user' } )
			);
			await within( dialog ).findByText( /is linked to contact 17 now/ );

			await user.click(
				within( dialog ).getByRole( 'button', { name: 'Back' } )
			);

			expect(
				within( dialog ).getByRole( 'searchbox', {
					name: 'Search WordPress users',
				} )
			).toBeInTheDocument();
			expect(
				callsTo( mockApiFetch, 'POST /civikey/v1/contacts/42/user' )
			).toHaveLength( 1 );
		} );
	} );
} );

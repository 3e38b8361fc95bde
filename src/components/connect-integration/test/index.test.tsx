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
import ConnectIntegration from '..';
import {
	callsTo,
	routeApiFetch,
	type FetchOptions,
	type MockApiFetch,
	type RouteAnswer,
} from '../../../../tests/js/api-routes';
import { mockClipboard } from '../../../../tests/js/clipboard';
import { makeConnection } from '../../../../tests/js/fixtures/connection';
import {
	makeKeyTestResult,
	makeProfiles,
} from '../../../../tests/js/fixtures/report';
import {
	makePlan,
	makeResult,
} from '../../../../tests/js/fixtures/integration';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as MockApiFetch;

const PLAN = 'GET /civikey/v1/integrations/plan';
const CREATE = 'POST /civikey/v1/integrations';
const TEST = 'POST /civikey/v1/contacts/42/key/test';

/**
 * Answers the flow's routes; `overrides` replaces some.
 *
 * @param overrides Answers by route.
 */
function serve( overrides: Record< string, RouteAnswer > = {} ) {
	routeApiFetch( mockApiFetch, {
		'GET /civikey/v1/profiles': makeProfiles(),
		[ PLAN ]: makePlan(),
		[ CREATE ]: makeResult(),
		[ TEST ]: makeKeyTestResult(),
		'GET /civikey/v1/connection': makeConnection(),
		...overrides,
	} );
}

/**
 * A rejection as apiFetch gives it for a WP_Error.
 *
 * @param error The WP_Error's JSON.
 * @return An answer that throws it.
 */
function fails( error: Record< string, unknown > ): RouteAnswer {
	return () => {
		throw error;
	};
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

function renderFlow() {
	const onClose = jest.fn();
	const onManageContact = jest.fn();
	render(
		<ConnectIntegration
			onClose={ onClose }
			onManageContact={ onManageContact }
		/>
	);
	return { onClose, onManageContact };
}

function stepHeading( name: string | RegExp ) {
	return screen.findByRole( 'heading', { name } );
}

/**
 * Fills in step 1 and goes on to the review.
 *
 * @param user A userEvent instance.
 * @param name The name to type.
 */
async function describeAndReview(
	user: ReturnType< typeof userEvent.setup >,
	name = 'Zapier'
) {
	await screen.findByRole( 'radio', { name: /Read contacts/ } );
	await user.type(
		screen.getByRole( 'textbox', { name: 'Integration name' } ),
		name
	);
	await user.click( screen.getByRole( 'button', { name: 'Review' } ) );
	await stepHeading( 'Step 2 of 4: Review what will be created' );
	await screen.findByText( /“Zapier”, an organization/ );
}

/**
 * Goes through the flow to the key step on a site where AuthX's permission
 * guard decides whether the site key is needed.
 *
 * @param overrides Answers by route.
 * @return The "How to use this key" region.
 */
async function createWhereTheSiteKeyDependsOnTheUser(
	overrides: Record< string, RouteAnswer > = {}
): Promise< HTMLElement > {
	const user = userEvent.setup();
	serve( {
		'GET /civikey/v1/connection': makeConnection( {
			site_key_header: 'depends_on_user',
		} ),
		...overrides,
	} );
	renderFlow();
	await describeAndReview( user );
	await user.click(
		screen.getByRole( 'button', { name: 'Create everything' } )
	);
	return screen.findByRole( 'region', { name: 'How to use this key' } );
}

describe( 'ConnectIntegration', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'should go from a name to a live-tested key, focus on each step’s heading', async () => {
		const user = userEvent.setup();
		serve();
		const { onManageContact } = renderFlow();

		// Step 1.
		expect(
			screen.getByRole( 'heading', {
				name: 'Step 1 of 4: Name the integration',
			} )
		).toHaveFocus();
		await describeAndReview( user );

		// Step 2: the plan, for that name and the default profile.
		expect(
			screen.getByRole( 'heading', {
				name: 'Step 2 of 4: Review what will be created',
			} )
		).toHaveFocus();
		const planQuery = new URLSearchParams(
			callsTo( mockApiFetch, PLAN )[ 0 ].path.split( '?' )[ 1 ]
		);
		expect( planQuery.get( 'name' ) ).toBe( 'Zapier' );
		expect( planQuery.get( 'profile' ) ).toBe( 'read_contacts' );
		expect( screen.getByText( /civikey-zapier/ ) ).toBeInTheDocument();
		expect(
			screen.getByText(
				/“CiviCRM API client: Read contacts”, new, given to the user/
			)
		).toBeInTheDocument();
		expect( screen.getByText( 'view all contacts' ) ).toBeInTheDocument();
		expect( screen.getByText( /^32 random letters/ ) ).toBeInTheDocument();
		expect( callsTo( mockApiFetch, CREATE ) ).toHaveLength( 0 );

		// Steps 3 and 4.
		await user.click(
			screen.getByRole( 'button', { name: 'Create everything' } )
		);
		expect(
			await stepHeading( 'Step 4 of 4: Copy the key' )
		).toHaveFocus();
		const [ created ] = callsTo( mockApiFetch, CREATE );
		const key = created.data?.key as string;
		expect( key ).toMatch( /^[A-Za-z0-9]{32}$/ );
		expect( created.data ).toEqual( {
			name: 'Zapier',
			profile: 'read_contacts',
			key,
		} );
		expect( created.path ).not.toContain( key );
		expect(
			screen.getByRole( 'textbox', { name: 'New API key' } )
		).toHaveValue( key );
		expect( leavePage() ).toBe( true );

		// The live test ran by itself, with the same key, in the body.
		const status = screen.getByText( /Authenticated as contact 42/ );
		expect( status ).toHaveTextContent(
			'It works: Authenticated as contact 42.'
		);
		expect( callsTo( mockApiFetch, TEST ) ).toHaveLength( 1 );
		expect( callsTo( mockApiFetch, TEST )[ 0 ].data ).toEqual( { key } );

		// The ready request for this site holds the key.
		const usage = await screen.findByRole( 'region', {
			name: 'How to use this key',
		} );
		await waitFor( () =>
			expect(
				within( usage ).getAllByText( new RegExp( `Bearer ${ key }` ) )
			).toHaveLength( 2 )
		);

		const writeText = mockClipboard();
		await user.click( screen.getByRole( 'button', { name: 'Copy key' } ) );
		expect( writeText ).toHaveBeenCalledWith( key );
		await user.click(
			screen.getByRole( 'button', { name: 'Done, I have copied it' } )
		);

		// The summary; the key is gone from the page.
		expect( await stepHeading( '“Zapier” is connected' ) ).toHaveFocus();
		expect( document.body ).not.toHaveTextContent( key );
		expect( leavePage() ).toBe( false );
		expect(
			screen.getByText( /civikey-zapier \(user #7\), linked/ )
		).toBeInTheDocument();
		expect(
			screen.getByText( /“CiviCRM API client: Read contacts” \(new\)/ )
		).toBeInTheDocument();
		expect(
			screen.getByText( /one integration setup \(run setup-0001\)/ )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'link', { name: 'Open the audit trail' } )
		).toHaveAttribute( 'href', '#audit' );

		await user.click(
			screen.getByRole( 'button', {
				name: 'Manage this contact in Keys',
			} )
		);
		expect( onManageContact ).toHaveBeenCalledWith( 42 );
	} );

	it( 'should leave the site key out of the ready request when the new role may authenticate with an API key', async () => {
		const usage = await createWhereTheSiteKeyDependsOnTheUser();
		const [ command ] = await within( usage ).findAllByText( /^curl/, {
			selector: 'code',
		} );
		expect( command ).not.toHaveTextContent( 'X-Civi-Key' );
		expect( usage ).not.toHaveTextContent( 'If CiviCRM answers 401' );
	} );

	it( 'should keep the site key hint when the plan’s role may not authenticate with an API key', async () => {
		const usage = await createWhereTheSiteKeyDependsOnTheUser( {
			[ PLAN ]: makePlan( {
				permissions: [ 'access AJAX API', 'view all contacts' ],
			} ),
		} );
		await waitFor( () =>
			expect( usage ).toHaveTextContent( 'If CiviCRM answers 401' )
		);
	} );

	it( 'should keep the name and the custom permissions when going Back', async () => {
		const user = userEvent.setup();
		serve();
		renderFlow();

		await user.click(
			await screen.findByRole( 'radio', { name: /Custom/ } )
		);
		await user.click(
			screen.getByRole( 'checkbox', { name: 'edit all contacts' } )
		);
		await describeAndReview( user );
		const query = new URLSearchParams(
			callsTo( mockApiFetch, PLAN )[ 0 ].path.split( '?' )[ 1 ]
		);
		expect( query.get( 'profile' ) ).toBe( 'custom' );
		expect( query.getAll( 'permissions[]' ) ).toEqual( [
			'access AJAX API',
			'edit all contacts',
		] );

		await user.click( screen.getByRole( 'button', { name: 'Back' } ) );

		expect(
			await stepHeading( 'Step 1 of 4: Name the integration' )
		).toHaveFocus();
		expect(
			screen.getByRole( 'textbox', { name: 'Integration name' } )
		).toHaveValue( 'Zapier' );
		expect( screen.getByRole( 'radio', { name: /Custom/ } ) ).toBeChecked();
		expect(
			screen.getByRole( 'checkbox', { name: 'edit all contacts' } )
		).toBeChecked();
		expect(
			screen.getByRole( 'checkbox', { name: 'view all contacts' } )
		).not.toBeChecked();
	} );

	it( 'should leave the flow with Back on step 1', async () => {
		const user = userEvent.setup();
		serve();
		const { onClose } = renderFlow();

		await user.click( screen.getByRole( 'button', { name: 'Back' } ) );

		expect( onClose ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'should ask for a name before the review, and go on with Enter', async () => {
		const user = userEvent.setup();
		serve();
		renderFlow();
		await screen.findByRole( 'radio', { name: /Read contacts/ } );
		const name = screen.getByRole( 'textbox', {
			name: 'Integration name',
		} );

		await user.click( screen.getByRole( 'button', { name: 'Review' } ) );

		expect( name ).toHaveFocus();
		expect( name ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( name ).toHaveAccessibleDescription(
			'Give the integration a name, for example Zapier or Mailing sync.'
		);
		expect( callsTo( mockApiFetch, PLAN ) ).toHaveLength( 0 );

		await user.type( name, '   ' );
		await user.keyboard( '{Enter}' );
		expect( callsTo( mockApiFetch, PLAN ) ).toHaveLength( 0 );

		await user.type( name, 'Zapier{Enter}' );
		expect(
			await stepHeading( 'Step 2 of 4: Review what will be created' )
		).toHaveFocus();
		expect(
			new URLSearchParams(
				callsTo( mockApiFetch, PLAN )[ 0 ].path.split( '?' )[ 1 ]
			).get( 'name' )
		).toBe( 'Zapier' );
	} );

	it( 'should say why the profiles could not be loaded, and load them again', async () => {
		const user = userEvent.setup();
		let attempts = 0;
		serve( {
			'GET /civikey/v1/profiles': () => {
				attempts++;
				if ( attempts === 1 ) {
					throw {
						code: 'civikey_civicrm_unavailable',
						message: 'CiviCRM could not be started.',
						data: { status: 503 },
					};
				}
				return makeProfiles();
			},
		} );
		renderFlow();

		expect(
			await screen.findByText( 'CiviCRM could not be started.' )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Review' } )
		).toHaveAttribute( 'aria-disabled', 'true' );

		await user.click( screen.getByRole( 'button', { name: 'Retry' } ) );

		expect(
			await screen.findByRole( 'radio', { name: /Read contacts/ } )
		).toBeChecked();
	} );

	it( 'should warn about contacts of the same name, and offer to manage one instead', async () => {
		const user = userEvent.setup();
		serve( {
			[ PLAN ]: makePlan( {
				existing_contacts: [ { id: 12, display_name: 'Zapier' } ],
			} ),
		} );
		const { onManageContact } = renderFlow();
		await describeAndReview( user );

		expect(
			screen.getByText( /CiviCRM already has a contact named “Zapier”/, {
				selector: 'p',
			} )
		).toBeInTheDocument();
		await user.click(
			screen.getByRole( 'button', {
				name: 'Manage Zapier (contact #12) instead',
			} )
		);

		expect( onManageContact ).toHaveBeenCalledWith( 12 );
		expect( callsTo( mockApiFetch, CREATE ) ).toHaveLength( 0 );
	} );

	it( 'should say why the plan could not be made, with Retry', async () => {
		const user = userEvent.setup();
		serve( {
			[ PLAN ]: fails( {
				code: 'rest_invalid_param',
				message: 'The name may have at most 64 characters.',
				data: { status: 400 },
			} ),
		} );
		renderFlow();
		await screen.findByRole( 'radio', { name: /Read contacts/ } );
		await user.type(
			screen.getByRole( 'textbox', { name: 'Integration name' } ),
			'Zapier{Enter}'
		);

		expect(
			await screen.findByText(
				'The name may have at most 64 characters.'
			)
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Create everything' } )
		).toHaveAttribute( 'aria-disabled', 'true' );
	} );

	it( 'should say what failed and what was undone, then try again with a new key', async () => {
		const user = userEvent.setup();
		let attempt = 0;
		serve( {
			[ CREATE ]: () => {
				attempt++;
				if ( attempt === 1 ) {
					throw {
						code: 'civikey_integration_failed',
						message:
							'Giving the user its role failed. WordPress refused it. Everything this setup had created was removed again, so you can fix the cause and try again.',
						data: {
							status: 500,
							step: 'role',
							undone: [ 'user', 'contact' ],
							left_behind: [],
						},
					};
				}
				return makeResult();
			},
		} );
		renderFlow();
		await describeAndReview( user );
		await user.click(
			screen.getByRole( 'button', { name: 'Create everything' } )
		);

		expect( await screen.findByRole( 'alert' ) ).toHaveTextContent(
			'The integration was not created. Giving the user its role failed. WordPress refused it. Everything this setup had created was removed again, so you can fix the cause and try again.'
		);
		expect(
			screen.getByRole( 'heading', {
				name: 'Step 3 of 4: Create everything',
			} )
		).toBeInTheDocument();
		const parts = within(
			screen.getByRole( 'list', { name: 'What this run makes' } )
		)
			.getAllByRole( 'listitem' )
			.map( ( item ) => item.textContent );
		expect( parts ).toEqual( [
			'Contact “Zapier”: made, then removed again',
			'WordPress user civikey-zapier, linked to the contact: made, then removed again',
			'New role “CiviCRM API client: Read contacts”, given to the user: failed',
			'32-character key on the contact: not started',
		] );
		expect( leavePage() ).toBe( false );

		await user.click( screen.getByRole( 'button', { name: 'Try again' } ) );

		expect(
			await stepHeading( 'Step 4 of 4: Copy the key' )
		).toHaveFocus();
		const [ first, second ] = callsTo( mockApiFetch, CREATE );
		expect( second.data?.key ).toMatch( /^[A-Za-z0-9]{32}$/ );
		expect( second.data?.key ).not.toBe( first.data?.key );
		expect(
			screen.getByRole( 'textbox', { name: 'New API key' } )
		).toHaveValue( second.data?.key as string );
	} );

	it( 'should go Back from a failure to the review, with the plan asked for again', async () => {
		const user = userEvent.setup();
		serve( {
			[ CREATE ]: fails( {
				code: 'fetch_error',
				message: 'You are probably offline.',
			} ),
		} );
		renderFlow();
		await describeAndReview( user );
		await user.click(
			screen.getByRole( 'button', { name: 'Create everything' } )
		);

		expect( await screen.findByRole( 'alert' ) ).toHaveTextContent(
			'cannot tell whether anything was created. Go Back before trying again: the review lists any contact already named “Zapier”.'
		);

		await user.click( screen.getByRole( 'button', { name: 'Back' } ) );

		expect(
			await stepHeading( 'Step 2 of 4: Review what will be created' )
		).toHaveFocus();
		await waitFor( () =>
			expect( callsTo( mockApiFetch, PLAN ) ).toHaveLength( 2 )
		);
		await user.click( screen.getByRole( 'button', { name: 'Back' } ) );
		expect(
			screen.getByRole( 'textbox', { name: 'Integration name' } )
		).toHaveValue( 'Zapier' );
	} );

	it( 'should give the precise reason when the live test refuses the key, and test again', async () => {
		const user = userEvent.setup();
		let tests = 0;
		serve( {
			[ TEST ]: ( options: FetchOptions ) => {
				tests++;
				expect( options.data ).toEqual( {
					key: expect.stringMatching( /^[A-Za-z0-9]{32}$/ ),
				} );
				return tests === 1
					? makeKeyTestResult( {
							ok: false,
							status: 401,
							contact_id: null,
							user_id: null,
							message:
								'CiviCRM refused the key (HTTP 401): Login not permitted. Must satisfy guard (site_key, perm)',
						} )
					: makeKeyTestResult();
			},
		} );
		renderFlow();
		await describeAndReview( user );
		await user.click(
			screen.getByRole( 'button', { name: 'Create everything' } )
		);

		expect(
			await screen.findByText( /CiviCRM refused the key/ )
		).toHaveTextContent(
			'It does not work: CiviCRM refused the key (HTTP 401): Login not permitted. Must satisfy guard (site_key, perm)'
		);

		await user.click(
			screen.getByRole( 'button', { name: 'Test this key again' } )
		);

		expect(
			await screen.findByText( /Authenticated as contact 42/ )
		).toHaveTextContent( 'It works: Authenticated as contact 42.' );
	} );

	it( 'should say when the key logs in as another contact', async () => {
		const user = userEvent.setup();
		serve( {
			[ TEST ]: makeKeyTestResult( {
				contact_id: 99,
				message: 'Authenticated as contact 99.',
			} ),
		} );
		renderFlow();
		await describeAndReview( user );
		await user.click(
			screen.getByRole( 'button', { name: 'Create everything' } )
		);

		expect(
			await screen.findByText( /Authenticated as contact 99/ )
		).toHaveTextContent(
			'It does not work: Authenticated as contact 99. That is not contact 42'
		);
	} );

	it( 'should say why the live test could not run', async () => {
		const user = userEvent.setup();
		serve( {
			[ TEST ]: fails( {
				code: 'civikey_key_test_unreachable',
				message:
					'This site could not reach its own CiviCRM endpoint, so the key was not tested.',
				data: { status: 502 },
			} ),
		} );
		renderFlow();
		await describeAndReview( user );
		await user.click(
			screen.getByRole( 'button', { name: 'Create everything' } )
		);

		expect( await screen.findByRole( 'alert' ) ).toHaveTextContent(
			'This site could not reach its own CiviCRM endpoint, so the key was not tested.'
		);
		// The key is still there to copy.
		expect(
			(
				screen.getByRole( 'textbox', {
					name: 'New API key',
				} ) as HTMLInputElement
			 ).value
		).toMatch( /^[A-Za-z0-9]{32}$/ );
	} );

	it( 'should start again, empty, for another integration', async () => {
		const user = userEvent.setup();
		serve();
		renderFlow();
		await describeAndReview( user );
		await user.click(
			screen.getByRole( 'button', { name: 'Create everything' } )
		);
		await user.click(
			await screen.findByRole( 'button', {
				name: 'Done, I have copied it',
			} )
		);

		await user.click(
			await screen.findByRole( 'button', {
				name: 'Connect another integration',
			} )
		);

		expect(
			await stepHeading( 'Step 1 of 4: Name the integration' )
		).toHaveFocus();
		expect(
			screen.getByRole( 'textbox', { name: 'Integration name' } )
		).toHaveValue( '' );
	} );
} );

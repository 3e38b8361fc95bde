/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import App from '..';
import {
	callsTo,
	routeApiFetch,
	type MockApiFetch,
} from '../../../../tests/js/api-routes';
import {
	makeAuditEntry,
	makeInventoryItem,
	makeProblemLabels,
} from '../../../../tests/js/fixtures/inventory';
import { makeContact } from '../../../../tests/js/fixtures/contact';
import { makeConnection } from '../../../../tests/js/fixtures/connection';
import {
	makeKeyTestResult,
	makeProfiles,
} from '../../../../tests/js/fixtures/report';
import {
	makePlan,
	makeResult,
} from '../../../../tests/js/fixtures/integration';
import { makeResponse } from '../../../../tests/js/fixtures/response';
import { makeStatus } from '../../../../tests/js/fixtures/status';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock<
	( options: unknown ) => Promise< unknown >
>;

/**
 * Answers the status, inventory and audit routes.
 */
function serveViews() {
	routeApiFetch( mockApiFetch as MockApiFetch, {
		'GET /civikey/v1/status': makeStatus(),
		'GET /civikey/v1/inventory/problems': makeProblemLabels(),
		'GET /civikey/v1/inventory': () =>
			makeResponse( [ makeInventoryItem() ], {
				headers: { 'X-WP-Total': '1', 'X-WP-TotalPages': '1' },
			} ),
		'GET /civikey/v1/contacts/42': makeContact( {
			id: 42,
			display_name: 'Zapier',
		} ),
		'GET /civikey/v1/audit': () =>
			makeResponse( [ makeAuditEntry() ], {
				headers: { 'X-WP-Total': '1', 'X-WP-TotalPages': '1' },
			} ),
	} );
}

describe( 'App', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
		window.history.replaceState( null, '', '/' );
	} );

	it( 'should show a loading state while the status is requested', () => {
		mockApiFetch.mockReturnValue( new Promise( () => {} ) );

		render( <App /> );

		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Loading CiviCRM status…'
		);
		expect( mockApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( { path: '/civikey/v1/status' } )
		);
	} );

	it( 'should show the status once it has loaded', async () => {
		mockApiFetch.mockResolvedValue( makeStatus() );

		render( <App /> );

		const region = await screen.findByRole( 'region', {
			name: 'CiviCRM status',
		} );
		expect( region ).toHaveTextContent( 'Ready (version 5.78.0)' );
		expect( region ).toHaveTextContent( 'AuthX' );
		expect( region ).toHaveTextContent( 'Enabled' );
		expect( screen.queryByRole( 'status' ) ).not.toBeInTheDocument();
		expect( screen.queryByRole( 'alert' ) ).not.toBeInTheDocument();
	} );

	it( 'should show why CiviCRM is missing', async () => {
		mockApiFetch.mockResolvedValue(
			makeStatus( {
				civicrm: {
					state: 'missing',
					version: null,
					message: 'Install and activate the CiviCRM plugin.',
				},
			} )
		);

		render( <App /> );

		expect(
			await screen.findByText(
				'Install and activate the CiviCRM plugin.'
			)
		).toBeVisible();
		expect( screen.getByText( 'Not found' ) ).toBeVisible();
	} );

	it( 'should show an error with Retry, and fetch again on Retry', async () => {
		const user = userEvent.setup();
		mockApiFetch
			.mockRejectedValueOnce( {
				code: 'rest_forbidden',
				message: 'Sorry, you are not allowed to do that.',
				data: { status: 403 },
			} )
			.mockResolvedValueOnce( makeStatus() );

		render( <App /> );

		expect( await screen.findByRole( 'alert' ) ).toHaveTextContent(
			'Sorry, you are not allowed to do that.'
		);
		expect(
			screen.queryByRole( 'heading', { name: 'CiviCRM status' } )
		).not.toBeInTheDocument();

		await user.click( screen.getByRole( 'button', { name: 'Retry' } ) );

		expect(
			await screen.findByRole( 'heading', { name: 'CiviCRM status' } )
		).toBeInTheDocument();
		expect( mockApiFetch ).toHaveBeenCalledTimes( 2 );
		expect( screen.queryByRole( 'alert' ) ).not.toBeInTheDocument();
	} );

	it( 'should keep the error on screen while retrying', async () => {
		const user = userEvent.setup();
		mockApiFetch
			.mockRejectedValueOnce( { code: 'fetch_error', message: 'x' } )
			.mockReturnValueOnce( new Promise( () => {} ) );

		render( <App /> );

		const retry = await screen.findByRole( 'button', { name: 'Retry' } );
		await user.click( retry );

		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Loading CiviCRM status…'
		);
		expect( retry ).toHaveAttribute( 'aria-disabled', 'true' );
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'could not reach the WordPress REST API'
		);
	} );

	it( 'should offer the key screens below the status when the user may manage keys', async () => {
		mockApiFetch.mockResolvedValue( makeStatus() );

		render( <App /> );

		expect(
			await screen.findByRole( 'region', { name: 'Choose a contact' } )
		).toBeInTheDocument();
		const regions = screen.getAllByRole( 'region' );
		expect( regions[ 0 ] ).toHaveAccessibleName( 'CiviCRM status' );
		// Only the status was requested: searching waits for the admin.
		expect( mockApiFetch ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'should leave out the key screens when the user may not manage keys', async () => {
		mockApiFetch.mockResolvedValue(
			makeStatus( {
				access: {
					can_manage_keys: false,
					can_edit_api_keys: false,
					message: 'CiviCRM does not let you edit API keys.',
				},
			} )
		);

		render( <App /> );

		expect(
			await screen.findByText(
				'CiviCRM does not let you edit API keys.',
				{
					selector: '.components-notice__content',
				}
			)
		).toBeInTheDocument();
		expect(
			screen.queryByRole( 'region', { name: 'Choose a contact' } )
		).not.toBeInTheDocument();
		expect( screen.queryByRole( 'searchbox' ) ).not.toBeInTheDocument();
	} );

	it( 'should offer Keys, Inventory and Audit tabs below the status, Keys first', async () => {
		serveViews();

		render( <App /> );

		const tabs = await screen.findByRole( 'tablist', {
			name: 'CiviKey views',
		} );
		expect(
			within( tabs )
				.getAllByRole( 'tab' )
				.map( ( tab ) => tab.textContent )
		).toEqual( [ 'Keys', 'Inventory', 'Audit' ] );
		expect(
			within( tabs ).getByRole( 'tab', { name: 'Keys' } )
		).toHaveAttribute( 'aria-selected', 'true' );
		expect(
			screen.getByRole( 'region', { name: 'CiviCRM status' } )
		).toBeInTheDocument();
		// The status panel stays above the tabs.
		const status = screen.getByRole( 'region', { name: 'CiviCRM status' } );
		expect(
			status.compareDocumentPosition( tabs ) ===
				Node.DOCUMENT_POSITION_FOLLOWING
		).toBe( true );
		// The other views load nothing until they are opened.
		expect(
			callsTo( mockApiFetch as MockApiFetch, 'GET /civikey/v1/inventory' )
		).toHaveLength( 0 );
	} );

	it( 'should switch views, and keep the view in the URL hash', async () => {
		const user = userEvent.setup();
		serveViews();
		render( <App /> );

		await user.click(
			await screen.findByRole( 'tab', { name: 'Inventory' } )
		);

		expect( window.location.hash ).toBe( '#inventory' );
		expect(
			// The view's first load transforms and requires its whole
			// chunk, which takes over a second on a busy machine.
			await screen.findByRole(
				'region',
				{ name: 'Keys, page 1 of 1' },
				{ timeout: 5000 }
			)
		).toBeInTheDocument();
		// The Keys view stays mounted, hidden, so nothing in it is lost.
		expect(
			screen.getByRole( 'region', {
				name: 'Choose a contact',
				hidden: true,
			} )
		).not.toBeVisible();

		await user.click( screen.getByRole( 'tab', { name: 'Audit' } ) );

		expect( window.location.hash ).toBe( '#audit' );
		expect(
			await screen.findByRole( 'region', {
				name: 'Audit trail, page 1 of 1',
			} )
		).toBeInTheDocument();

		await user.click( screen.getByRole( 'tab', { name: 'Keys' } ) );

		expect( window.location.hash ).toBe( '#keys' );
		expect(
			screen.getByRole( 'region', { name: 'Choose a contact' } )
		).toBeVisible();
	} );

	it( 'should open the view the hash names, e.g. from Site Health', async () => {
		window.history.replaceState( null, '', '/#inventory' );
		serveViews();

		render( <App /> );

		expect(
			await screen.findByRole( 'tab', { name: 'Inventory' } )
		).toHaveAttribute( 'aria-selected', 'true' );
		expect( await screen.findByText( 'Zapier' ) ).toBeInTheDocument();
		expect(
			screen.queryByRole( 'region', { name: 'Choose a contact' } )
		).not.toBeInTheDocument();
	} );

	it( 'should take the admin to the Keys view from an inventory row', async () => {
		const user = userEvent.setup();
		window.history.replaceState( null, '', '/#inventory' );
		serveViews();
		render( <App /> );

		await user.click(
			await screen.findByRole( 'button', {
				name: 'Manage key: Zapier (contact #42)',
			} )
		);

		expect( screen.getByRole( 'tab', { name: 'Keys' } ) ).toHaveAttribute(
			'aria-selected',
			'true'
		);
		expect( window.location.hash ).toBe( '#keys' );
		expect(
			screen.getByRole( 'region', { name: 'Choose a contact' } )
		).toBeVisible();
		// The contact is loaded and opened in the key manager.
		expect(
			await screen.findByRole( 'heading', { name: 'Zapier' } )
		).toBeVisible();
		expect( mockApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( { path: '/civikey/v1/contacts/42' } )
		);
	} );

	it( 'should open "Connect a new integration" in the Keys view, keep the Keys view, and come back to it', async () => {
		const user = userEvent.setup();
		routeApiFetch( mockApiFetch as MockApiFetch, {
			'GET /civikey/v1/status': makeStatus(),
			'GET /civikey/v1/profiles': makeProfiles(),
		} );
		render( <App /> );

		const start = await screen.findByRole( 'button', {
			name: 'Connect a new integration',
		} );
		// The way in comes before finding an existing contact.
		expect(
			start.compareDocumentPosition(
				screen.getByRole( 'region', { name: 'Choose a contact' } )
			) === Node.DOCUMENT_POSITION_FOLLOWING
		).toBe( true );
		expect( start ).toHaveClass( 'is-primary' );

		await user.click( start );

		// Loaded on first use (which can take over a second on a busy
		// machine), focus on the first step's heading.
		expect(
			await screen.findByRole(
				'heading',
				{ name: 'Step 1 of 4: Name the integration' },
				{ timeout: 5000 }
			)
		).toHaveFocus();
		// The key manager is hidden, not gone.
		expect(
			screen.getByRole( 'region', {
				name: 'Choose a contact',
				hidden: true,
			} )
		).not.toBeVisible();

		await user.click( screen.getByRole( 'button', { name: 'Back' } ) );

		expect(
			screen.queryByRole( 'heading', {
				name: 'Step 1 of 4: Name the integration',
			} )
		).not.toBeInTheDocument();
		expect(
			screen.getByRole( 'region', { name: 'Choose a contact' } )
		).toBeVisible();
		expect(
			screen
				.getByRole( 'tabpanel', { name: 'Keys' } )
				.querySelector( '.civikey-app__keys' )
		).toHaveFocus();
	} );

	it( 'should not close the flow under a key not yet copied when a contact is opened from the inventory', async () => {
		const user = userEvent.setup();
		routeApiFetch( mockApiFetch as MockApiFetch, {
			'GET /civikey/v1/status': makeStatus(),
			'GET /civikey/v1/profiles': makeProfiles(),
			'GET /civikey/v1/integrations/plan': makePlan(),
			'POST /civikey/v1/integrations': makeResult(),
			'POST /civikey/v1/contacts/42/key/test': makeKeyTestResult(),
			'GET /civikey/v1/connection': makeConnection(),
			'GET /civikey/v1/inventory/problems': makeProblemLabels(),
			'GET /civikey/v1/inventory': () =>
				makeResponse( [ makeInventoryItem() ], {
					headers: { 'X-WP-Total': '1', 'X-WP-TotalPages': '1' },
				} ),
			'GET /civikey/v1/contacts/42': makeContact(),
		} );
		render( <App /> );
		await user.click(
			await screen.findByRole( 'button', {
				name: 'Connect a new integration',
			} )
		);
		await user.type(
			await screen.findByRole(
				'textbox',
				{ name: 'Integration name' },
				{ timeout: 5000 }
			),
			'Zapier'
		);
		await user.click(
			await screen.findByRole( 'radio', { name: /Read contacts/ } )
		);
		await user.click( screen.getByRole( 'button', { name: 'Review' } ) );
		await user.click(
			await screen.findByRole( 'button', { name: 'Create everything' } )
		);
		const key = (
			( await screen.findByRole( 'textbox', {
				name: 'New API key',
			} ) ) as HTMLInputElement
		 ).value;

		await user.click( screen.getByRole( 'tab', { name: 'Inventory' } ) );
		await user.click(
			await screen.findByRole( 'button', {
				name: 'Manage key: Zapier (contact #42)',
			} )
		);

		// Back on Keys, the key is still there to copy.
		expect( screen.getByRole( 'tab', { name: 'Keys' } ) ).toHaveAttribute(
			'aria-selected',
			'true'
		);
		expect(
			screen.getByRole( 'textbox', { name: 'New API key' } )
		).toHaveValue( key );
	} );
} );

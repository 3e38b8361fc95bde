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
import UsageHelp from '..';
import { makeConnection } from '../../../../tests/js/fixtures/connection';
import { mockClipboard } from '../../../../tests/js/clipboard';
import {
	callsTo,
	routeApiFetch,
	type MockApiFetch,
} from '../../../../tests/js/api-routes';
import type { Connection } from '../../../api/types';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as MockApiFetch;

const SITE_KEY = 'site-key-0123456789abcdefghijklmnopqrstu';

/**
 * Answers the routes UsageHelp uses.
 *
 * @param connection Connection overrides.
 * @param reveal     Answer to the reveal request.
 */
function routes(
	connection: Partial< Connection > = {},
	reveal: unknown = { site_key: SITE_KEY }
) {
	routeApiFetch( mockApiFetch, {
		'GET /civikey/v1/connection': makeConnection( connection ),
		'GET /civikey/v1/site-key': { defined: true, length: SITE_KEY.length },
		'POST /civikey/v1/site-key/reveal': reveal,
	} );
}

/**
 * The text of the first example command.
 *
 * @return The command.
 */
async function api4Command(): Promise< string > {
	const blocks = await screen.findAllByText( /^curl|^# If/, {
		selector: 'code',
	} );
	return blocks[ 0 ].textContent ?? '';
}

describe( 'UsageHelp', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'should show a ready APIv4 request for this site, with a placeholder key', async () => {
		routes();
		render( <UsageHelp apiKey={ null } /> );

		expect(
			screen.getByRole( 'region', { name: 'How to use this key' } )
		).toBeInTheDocument();
		const command = await api4Command();
		expect( command ).toContain(
			"curl -X POST 'https://example.org/civicrm/ajax/api4/Contact/get'"
		);
		expect( command ).toContain( "-H 'X-Civi-Auth: Bearer YOUR_API_KEY'" );
		expect( command ).toContain(
			`--data-urlencode 'params={"select":["id","display_name"],"limit":5}'`
		);
		expect( command ).not.toContain( 'X-Civi-Key' );
		// The site key is not needed here: do not even ask about it.
		expect(
			callsTo( mockApiFetch, 'GET /civikey/v1/site-key' )
		).toHaveLength( 0 );
	} );

	it( 'should hold the real key while it is shown once, and copy the command', async () => {
		const user = userEvent.setup();
		routes();
		render( <UsageHelp apiKey="Abcdefghijklmnopqrstuvwxyz012345" /> );

		const command = await api4Command();
		expect( command ).toContain(
			"-H 'X-Civi-Auth: Bearer Abcdefghijklmnopqrstuvwxyz012345'"
		);
		const writeText = mockClipboard();
		await user.click(
			screen.getByRole( 'button', { name: 'Copy command' } )
		);
		expect( writeText ).toHaveBeenCalledWith( command );
	} );

	it( 'should go back to the placeholder once the key is gone', async () => {
		routes();
		const { rerender } = render(
			<UsageHelp apiKey="Abc123Abc123Abc123Abc" />
		);
		expect( await api4Command() ).toContain( 'Abc123Abc123Abc123Abc' );

		rerender( <UsageHelp apiKey={ null } /> );

		expect( await api4Command() ).toContain( 'YOUR_API_KEY' );
		expect( document.body ).not.toHaveTextContent(
			'Abc123Abc123Abc123Abc'
		);
	} );

	it( 'should warn when AuthX refuses API keys in the X-Civi-Auth header', async () => {
		routes( { xheader_accepts_api_key: false } );
		render( <UsageHelp apiKey={ null } /> );

		expect(
			(
				await screen.findAllByText(
					/does not accept API keys in the X-Civi-Auth header/
				)
			)[ 0 ]
		).toBeInTheDocument();
	} );

	it( 'should include the site key header only as a placeholder until revealed', async () => {
		const user = userEvent.setup();
		routes( { site_key_header: 'required' } );
		render( <UsageHelp apiKey={ null } /> );

		expect(
			await screen.findByText( 'Site key: defined (40 characters).' )
		).toBeInTheDocument();
		expect( await api4Command() ).toContain(
			"-H 'X-Civi-Key: YOUR_SITE_KEY'"
		);
		expect( document.body ).not.toHaveTextContent( SITE_KEY );
		expect(
			callsTo( mockApiFetch, 'POST /civikey/v1/site-key/reveal' )
		).toHaveLength( 0 );

		await user.click(
			screen.getByRole( 'button', { name: 'Reveal site key' } )
		);

		const field = await screen.findByRole( 'textbox', {
			name: 'Site key',
		} );
		expect( field ).toHaveValue( SITE_KEY );
		expect( field ).toHaveFocus();
		expect( await api4Command() ).toContain(
			`-H 'X-Civi-Key: ${ SITE_KEY }'`
		);

		const writeText = mockClipboard();
		await user.click(
			screen.getByRole( 'button', { name: 'Copy site key' } )
		);
		expect( writeText ).toHaveBeenCalledWith( SITE_KEY );

		await user.click(
			screen.getByRole( 'button', { name: 'Hide site key' } )
		);
		expect(
			screen.queryByRole( 'textbox', { name: 'Site key' } )
		).not.toBeInTheDocument();
		expect( await api4Command() ).toContain( 'YOUR_SITE_KEY' );
		expect(
			screen.getByRole( 'button', { name: 'Reveal site key' } )
		).toHaveFocus();
	} );

	it( 'should explain when the site key depends on the user', async () => {
		routes( { site_key_header: 'depends_on_user' } );
		render( <UsageHelp apiKey={ null } /> );

		expect( await api4Command() ).toMatch(
			/^# If CiviCRM answers 401.*\n# {3}-H 'X-Civi-Key: YOUR_SITE_KEY'\ncurl/
		);
		expect(
			await screen.findByText( /unless the user the key logs in as/ )
		).toBeInTheDocument();
	} );

	it( 'should leave the site key out when this contact’s user may authenticate with an API key', async () => {
		routes( { site_key_header: 'depends_on_user' } );
		render( <UsageHelp apiKey={ null } needsSiteKey={ false } /> );

		const command = await api4Command();
		expect( command ).toMatch( /^curl -X POST/ );
		expect( command ).not.toContain( 'X-Civi-Key' );
		expect( screen.queryByText( /If CiviCRM answers 401/ ) ).toBeNull();
		expect(
			screen.queryByRole( 'button', { name: 'Reveal site key' } )
		).not.toBeInTheDocument();
	} );

	it( 'should put the site key in the command when this contact’s requests need it', async () => {
		routes( { site_key_header: 'depends_on_user' } );
		render( <UsageHelp apiKey={ null } needsSiteKey={ true } /> );

		const command = await api4Command();
		expect( command ).toMatch( /^curl -X POST/ );
		expect( command ).toContain( "-H 'X-Civi-Key: YOUR_SITE_KEY'" );
		expect(
			await screen.findByRole( 'button', { name: 'Reveal site key' } )
		).toBeInTheDocument();
	} );

	it( 'should keep what the site requires whatever the contact', async () => {
		routes( { site_key_header: 'required' } );
		render( <UsageHelp apiKey={ null } needsSiteKey={ false } /> );

		expect( await api4Command() ).toContain(
			"-H 'X-Civi-Key: YOUR_SITE_KEY'"
		);
	} );

	it( 'should say why the site key may not be revealed', async () => {
		const user = userEvent.setup();
		routes( { site_key_header: 'required' }, () => {
			throw {
				code: 'civikey_site_key_forbidden',
				message:
					'Only people CiviCRM lets edit API keys may see the site key.',
				data: { status: 403 },
			};
		} );
		render( <UsageHelp apiKey={ null } /> );

		await user.click(
			await screen.findByRole( 'button', { name: 'Reveal site key' } )
		);

		expect( await screen.findByRole( 'alert' ) ).toHaveTextContent(
			'Only people CiviCRM lets edit API keys may see the site key.'
		);
		expect( await api4Command() ).toContain( 'YOUR_SITE_KEY' );
	} );

	it( 'should show the check command for the identity URL', async () => {
		routes();
		render( <UsageHelp apiKey={ null } /> );

		const region = screen.getByRole( 'region', {
			name: 'How to use this key',
		} );
		expect(
			await within( region ).findByText(
				/^curl 'https:\/\/example\.org\/civicrm\/authx\/id'/,
				{ selector: 'code' }
			)
		).toBeInTheDocument();
	} );

	it( 'should show an error with Retry when the connection details fail', async () => {
		const user = userEvent.setup();
		routeApiFetch( mockApiFetch, {} );
		render( <UsageHelp apiKey={ null } /> );

		expect( await screen.findByRole( 'alert' ) ).toHaveTextContent(
			'rest_no_route'
		);

		routes();
		await user.click( screen.getByRole( 'button', { name: 'Retry' } ) );

		expect( await api4Command() ).toContain( 'YOUR_API_KEY' );
	} );
} );

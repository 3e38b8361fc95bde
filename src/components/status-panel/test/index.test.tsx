/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import StatusPanel from '..';
import { makeStatus } from '../../../../tests/js/fixtures/status';

/**
 * The definition (dd) that follows the term (dt) with the given name.
 *
 * @param name Term text.
 * @return The definition element.
 */
function getDefinition( name: string ): HTMLElement {
	const term = screen
		.getAllByRole( 'term' )
		.find( ( element ) => element.textContent === name );
	const definition = term?.nextElementSibling;
	if ( ! ( definition instanceof HTMLElement ) ) {
		throw new Error( `No definition follows the term "${ name }".` );
	}
	return definition;
}

describe( 'StatusPanel', () => {
	it( 'should be a region named by its heading, listing each part with a label', () => {
		render( <StatusPanel status={ makeStatus() } /> );

		const region = screen.getByRole( 'region', { name: 'CiviCRM status' } );
		expect(
			within( region ).getByRole( 'heading', {
				level: 2,
				name: 'CiviCRM status',
			} )
		).toBeInTheDocument();
		expect(
			screen.getAllByRole( 'term' ).map( ( term ) => term.textContent )
		).toEqual( [ 'CiviCRM', 'AuthX', 'Your access' ] );
	} );

	it( 'should say when everything is ready', () => {
		render( <StatusPanel status={ makeStatus() } /> );

		expect( getDefinition( 'CiviCRM' ) ).toHaveTextContent(
			'Ready (version 5.78.0)'
		);
		expect( getDefinition( 'AuthX' ) ).toHaveTextContent( 'Enabled' );
		expect( getDefinition( 'Your access' ) ).toHaveTextContent(
			'You can manage API keys.'
		);
		expect( screen.queryByRole( 'alert' ) ).not.toBeInTheDocument();
	} );

	it( 'should say Ready without a version when none is known', () => {
		render(
			<StatusPanel
				status={ makeStatus( { civicrm: { version: null } } ) }
			/>
		);

		expect( getDefinition( 'CiviCRM' ) ).toHaveTextContent( /^Ready$/ );
	} );

	it( 'should show the server message when CiviCRM is missing', () => {
		render(
			<StatusPanel
				status={ makeStatus( {
					civicrm: {
						state: 'missing',
						version: null,
						message: 'Install and activate the CiviCRM plugin.',
					},
					authx: { state: 'unknown', message: '' },
					access: {
						can_manage_keys: false,
						can_edit_api_keys: null,
						message: 'CiviCRM must be ready first.',
					},
				} ) }
			/>
		);

		const civicrm = getDefinition( 'CiviCRM' );
		expect( civicrm ).toHaveTextContent( 'Not found' );
		expect( civicrm ).toHaveTextContent(
			'Install and activate the CiviCRM plugin.'
		);
		// The problem is spelled out for assistive technology too.
		expect( within( civicrm ).getByText( 'Error notice' ) ).toBeVisible();
		expect( getDefinition( 'AuthX' ) ).toHaveTextContent( 'Unknown' );
		const access = getDefinition( 'Your access' );
		expect( access ).toHaveTextContent( 'You cannot manage API keys.' );
		expect( access ).toHaveTextContent( 'CiviCRM must be ready first.' );
		// A status is not an interruption.
		expect( screen.queryByRole( 'alert' ) ).not.toBeInTheDocument();
	} );

	it.each( [
		[ 'not_installed', 'Not installed' ],
		[ 'unavailable', 'Unavailable' ],
	] as const )( 'should warn when CiviCRM is %s', ( state, label ) => {
		render(
			<StatusPanel
				status={ makeStatus( {
					civicrm: { state, version: null, message: 'Fix it.' },
				} ) }
			/>
		);

		const civicrm = getDefinition( 'CiviCRM' );
		expect( civicrm ).toHaveTextContent( label );
		expect( civicrm ).toHaveTextContent( 'Warning notice' );
		expect( civicrm ).toHaveTextContent( 'Fix it.' );
	} );

	it.each( [
		[ 'disabled', 'Disabled' ],
		[ 'not_installed', 'Not installed' ],
	] as const )( 'should explain when AuthX is %s', ( state, label ) => {
		render(
			<StatusPanel
				status={ makeStatus( {
					authx: { state, message: 'Enable AuthX in CiviCRM.' },
				} ) }
			/>
		);

		const authx = getDefinition( 'AuthX' );
		expect( authx ).toHaveTextContent( label );
		expect( authx ).toHaveTextContent( 'Enable AuthX in CiviCRM.' );
	} );

	it( 'should name the missing capability when the server gives no reason', () => {
		render(
			<StatusPanel
				status={ makeStatus( {
					access: {
						can_manage_keys: false,
						has_capability: false,
						message: '',
					},
				} ) }
			/>
		);

		expect( getDefinition( 'Your access' ) ).toHaveTextContent(
			'Your WordPress account does not have the manage_options capability.'
		);
	} );
} );

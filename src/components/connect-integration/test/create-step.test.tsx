/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';

/**
 * Internal dependencies
 */
import CreateStep from '../create-step';
import type { IntegrationSetupError } from '../../../api/integration-types';
import { makePlan } from '../../../../tests/js/fixtures/integration';

function failure(
	overrides: Partial< IntegrationSetupError > = {}
): IntegrationSetupError {
	return {
		code: 'civikey_integration_failed',
		message:
			'Saving the key failed. Another contact already has this key. Everything this setup had created was removed again, so you can fix the cause and try again.',
		status: 409,
		step: 'key',
		undone: [ 'role', 'user', 'contact' ],
		leftBehind: [],
		...overrides,
	};
}

function renderStep(
	props: Partial< Parameters< typeof CreateStep >[ 0 ] > = {}
) {
	const onBack = jest.fn();
	const onRetry = jest.fn();
	render(
		<CreateStep
			headingRef={ createRef< HTMLHeadingElement >() }
			plan={ makePlan() }
			isCreating={ false }
			failure={ null }
			onBack={ onBack }
			onRetry={ onRetry }
			{ ...props }
		/>
	);
	return { onBack, onRetry };
}

function parts(): ( string | null )[] {
	return within( screen.getByRole( 'list', { name: 'What this run makes' } ) )
		.getAllByRole( 'listitem' )
		.map( ( item ) => item.textContent );
}

describe( 'CreateStep', () => {
	it( 'should say it is creating, and hold Back while the request runs', () => {
		renderStep( { isCreating: true } );

		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Creating the contact, the user, the role and the key…'
		);
		expect(
			screen.getByRole( 'button', { name: 'Back' } )
		).toHaveAttribute( 'aria-disabled', 'true' );
		expect(
			screen.queryByRole( 'button', { name: 'Try again' } )
		).not.toBeInTheDocument();
		expect( parts() ).toEqual( [
			'Contact “Zapier”',
			'WordPress user civikey-zapier, linked to the contact',
			'New role “CiviCRM API client: Read contacts”, given to the user',
			'32-character key on the contact',
		] );
	} );

	it( 'should list every part undone when the key failed', async () => {
		const user = userEvent.setup();
		const { onBack, onRetry } = renderStep( { failure: failure() } );

		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'The integration was not created. Saving the key failed. Another contact already has this key. Everything this setup had created was removed again, so you can fix the cause and try again.' +
				'Error code: civikey_integration_failed'
		);
		expect( parts() ).toEqual( [
			'Contact “Zapier”: made, then removed again',
			'WordPress user civikey-zapier, linked to the contact: made, then removed again',
			'New role “CiviCRM API client: Read contacts”, given to the user: made, then removed again',
			'32-character key on the contact: failed',
		] );

		await user.click( screen.getByRole( 'button', { name: 'Back' } ) );
		await user.click( screen.getByRole( 'button', { name: 'Try again' } ) );
		expect( onBack ).toHaveBeenCalledTimes( 1 );
		expect( onRetry ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'should not claim to remove a role that was reused', () => {
		renderStep( {
			plan: makePlan( {
				role: { ...makePlan().role, exists: true },
			} ),
			failure: failure( { undone: [ 'user', 'contact' ] } ),
		} );

		expect( parts() ).toEqual( [
			'Contact “Zapier”: made, then removed again',
			'WordPress user civikey-zapier, linked to the contact: made, then removed again',
			'Existing role “CiviCRM API client: Read contacts”, given to the user: nothing to undo',
			'32-character key on the contact: failed',
		] );
	} );

	it( 'should name what could not be removed', () => {
		renderStep( {
			failure: failure( {
				step: 'user',
				message:
					'Creating the WordPress user failed. These could not be removed again and need removing by hand: contact 88.',
				undone: [],
				leftBehind: [ { part: 'contact', id: 88 } ],
			} ),
		} );

		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'The integration was not created. Creating the WordPress user failed. These could not be removed again and need removing by hand: contact 88.Error code'
		);
		expect( parts() ).toEqual( [
			'Contact “Zapier”: made, and could not be removed (ID 88): remove it by hand',
			'WordPress user civikey-zapier, linked to the contact: failed',
			'New role “CiviCRM API client: Read contacts”, given to the user: not started',
			'32-character key on the contact: not started',
		] );
	} );

	it( 'should say nothing was made when WordPress refused the request', () => {
		renderStep( {
			failure: failure( {
				code: 'rest_forbidden',
				message: 'Sorry, you are not allowed to do that.',
				status: 403,
				step: null,
				undone: [],
			} ),
		} );

		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'Sorry, you are not allowed to do that.Nothing was created.'
		);
	} );

	it( 'should say nothing was made when the request was refused before any part', () => {
		renderStep( {
			failure: failure( {
				code: 'civikey_invalid_name',
				message: 'The name may have at most 64 characters.',
				status: 400,
				step: 'validate',
				undone: [],
			} ),
		} );

		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'The name may have at most 64 characters.Nothing was created.'
		);
		expect( parts() ).toEqual( [
			'Contact “Zapier”',
			'WordPress user civikey-zapier, linked to the contact',
			'New role “CiviCRM API client: Read contacts”, given to the user',
			'32-character key on the contact',
		] );
	} );

	it( 'should not guess when the outcome is unknown', () => {
		renderStep( {
			failure: failure( {
				code: 'fetch_error',
				message: 'CiviKey could not reach the WordPress REST API.',
				status: undefined,
				step: null,
				undone: [],
			} ),
		} );

		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'CiviKey got no usable answer, so it cannot tell whether anything was created. Go Back before trying again: the review lists any contact already named “Zapier”.'
		);
		expect( screen.getByRole( 'alert' ) ).not.toHaveTextContent(
			'Nothing was created.'
		);
	} );
} );

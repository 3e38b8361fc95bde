/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import CreateContactModal from '..';
import { makeContactWithoutKey } from '../../../../tests/js/fixtures/contact';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock<
	( options: unknown ) => Promise< unknown >
>;

describe( 'CreateContactModal', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'should open a dialog with the name focused and Organization chosen', async () => {
		const user = userEvent.setup();
		render( <CreateContactModal onCreated={ jest.fn() } /> );

		await user.click(
			screen.getByRole( 'button', { name: 'Create a service contact' } )
		);

		expect(
			screen.getByRole( 'dialog', { name: 'Create a service contact' } )
		).toBeInTheDocument();
		expect( screen.getByRole( 'textbox', { name: 'Name' } ) ).toHaveFocus();
		expect(
			screen.getByRole( 'radio', { name: 'Organization' } )
		).toBeChecked();
		expect(
			screen.getByRole( 'radio', { name: 'Individual' } )
		).not.toBeChecked();
	} );

	it( 'should POST the trimmed name and type, then hand over the new contact', async () => {
		const user = userEvent.setup();
		const created = makeContactWithoutKey( {
			id: 77,
			display_name: 'Mailing sync',
			contact_type: 'Individual',
			linked_user: null,
		} );
		mockApiFetch.mockResolvedValue( created );
		const onCreated = jest.fn();
		render( <CreateContactModal onCreated={ onCreated } /> );
		await user.click(
			screen.getByRole( 'button', { name: 'Create a service contact' } )
		);

		await user.type(
			screen.getByRole( 'textbox', { name: 'Name' } ),
			'  Mailing sync '
		);
		await user.click( screen.getByRole( 'radio', { name: 'Individual' } ) );
		await user.click(
			screen.getByRole( 'button', { name: 'Create contact' } )
		);

		await waitFor( () =>
			expect( onCreated ).toHaveBeenCalledWith( created )
		);
		expect( mockApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: '/civikey/v1/contacts',
				method: 'POST',
				data: { contact_type: 'Individual', name: 'Mailing sync' },
			} )
		);
		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
	} );

	it( 'should submit with Enter', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockResolvedValue( makeContactWithoutKey() );
		const onCreated = jest.fn();
		render( <CreateContactModal onCreated={ onCreated } /> );
		await user.click(
			screen.getByRole( 'button', { name: 'Create a service contact' } )
		);

		await user.keyboard( 'Zapier{Enter}' );

		await waitFor( () => expect( onCreated ).toHaveBeenCalled() );
		expect( mockApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				data: { contact_type: 'Organization', name: 'Zapier' },
			} )
		);
	} );

	it( 'should ask for a name instead of sending an empty one', async () => {
		const user = userEvent.setup();
		render( <CreateContactModal onCreated={ jest.fn() } /> );
		await user.click(
			screen.getByRole( 'button', { name: 'Create a service contact' } )
		);

		await user.type(
			screen.getByRole( 'textbox', { name: 'Name' } ),
			'   '
		);
		await user.click(
			screen.getByRole( 'button', { name: 'Create contact' } )
		);

		const name = screen.getByRole( 'textbox', { name: 'Name' } );
		expect( name ).toHaveAccessibleDescription( /Enter a name/ );
		expect( name ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( name ).toHaveFocus();
		expect( mockApiFetch ).not.toHaveBeenCalled();
	} );

	it( 'should show the server’s error and keep the dialog open', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockRejectedValue( {
			code: 'civikey_civicrm_forbidden',
			message: 'CiviCRM does not let you create contacts.',
			data: { status: 403 },
		} );
		const onCreated = jest.fn();
		render( <CreateContactModal onCreated={ onCreated } /> );
		await user.click(
			screen.getByRole( 'button', { name: 'Create a service contact' } )
		);

		await user.keyboard( 'Zapier{Enter}' );

		expect( await screen.findByRole( 'alert' ) ).toHaveTextContent(
			'CiviCRM does not let you create contacts.'
		);
		expect( screen.getByRole( 'dialog' ) ).toBeInTheDocument();
		expect( onCreated ).not.toHaveBeenCalled();
	} );

	it( 'should keep the buttons waiting while the request runs', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockReturnValue( new Promise( () => {} ) );
		render( <CreateContactModal onCreated={ jest.fn() } /> );
		await user.click(
			screen.getByRole( 'button', { name: 'Create a service contact' } )
		);

		await user.keyboard( 'Zapier{Enter}' );
		await user.keyboard( '{Enter}' );

		expect(
			screen.getByRole( 'button', { name: 'Create contact' } )
		).toHaveAttribute( 'aria-disabled', 'true' );
		expect(
			screen.getByRole( 'button', { name: 'Cancel' } )
		).toHaveAttribute( 'aria-disabled', 'true' );
		expect( mockApiFetch ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'should close on Cancel and return focus to its button', async () => {
		const user = userEvent.setup();
		render( <CreateContactModal onCreated={ jest.fn() } /> );
		const opener = screen.getByRole( 'button', {
			name: 'Create a service contact',
		} );
		await user.click( opener );

		await user.click( screen.getByRole( 'button', { name: 'Cancel' } ) );

		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
		expect( opener ).toHaveFocus();
	} );
} );

/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import { useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import ConfirmDialog from '..';

function Opener( { onConfirm }: { onConfirm: () => void } ) {
	const [ isOpen, setIsOpen ] = useState( false );
	return (
		<>
			<button onClick={ () => setIsOpen( true ) }>Open</button>
			{ isOpen && (
				<ConfirmDialog
					title="Revoke the key of Zapier (contact #42)?"
					confirmLabel="Revoke key"
					isDestructive
					onConfirm={ onConfirm }
					onCancel={ () => setIsOpen( false ) }
				>
					<p>Whatever uses the old key stops working immediately.</p>
				</ConfirmDialog>
			) }
		</>
	);
}

describe( 'ConfirmDialog', () => {
	it( 'should be a dialog named by its question, with focus on Cancel', async () => {
		const user = userEvent.setup();
		render( <Opener onConfirm={ jest.fn() } /> );

		await user.click( screen.getByRole( 'button', { name: 'Open' } ) );

		const dialog = screen.getByRole( 'dialog', {
			name: 'Revoke the key of Zapier (contact #42)?',
		} );
		expect( dialog ).toHaveTextContent( 'stops working immediately' );
		// The Modal moves focus once it has mounted.
		await waitFor( () =>
			expect(
				screen.getByRole( 'button', { name: 'Cancel' } )
			).toHaveFocus()
		);
	} );

	it( 'should call onConfirm only from the confirm button', async () => {
		const user = userEvent.setup();
		const onConfirm = jest.fn();
		render( <Opener onConfirm={ onConfirm } /> );
		await user.click( screen.getByRole( 'button', { name: 'Open' } ) );

		await user.click(
			screen.getByRole( 'button', { name: 'Revoke key' } )
		);

		expect( onConfirm ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'should close on Cancel and return focus to the opener', async () => {
		const user = userEvent.setup();
		const onConfirm = jest.fn();
		render( <Opener onConfirm={ onConfirm } /> );
		await user.click( screen.getByRole( 'button', { name: 'Open' } ) );

		await user.click( screen.getByRole( 'button', { name: 'Cancel' } ) );

		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
		expect( screen.getByRole( 'button', { name: 'Open' } ) ).toHaveFocus();
		expect( onConfirm ).not.toHaveBeenCalled();
	} );

	it( 'should close on Escape', async () => {
		const user = userEvent.setup();
		render( <Opener onConfirm={ jest.fn() } /> );
		await user.click( screen.getByRole( 'button', { name: 'Open' } ) );

		await user.keyboard( '{Escape}' );

		await waitFor( () =>
			expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument()
		);
		expect( screen.getByRole( 'button', { name: 'Open' } ) ).toHaveFocus();
	} );

	it( 'should neither confirm nor close while busy', async () => {
		const user = userEvent.setup();
		const onConfirm = jest.fn();
		const onCancel = jest.fn();
		render(
			<ConfirmDialog
				title="Replace?"
				confirmLabel="Replace key"
				isBusy
				onConfirm={ onConfirm }
				onCancel={ onCancel }
			>
				<p>Sure?</p>
			</ConfirmDialog>
		);

		const confirm = screen.getByRole( 'button', { name: 'Replace key' } );
		expect( confirm ).toHaveAttribute( 'aria-disabled', 'true' );
		await user.click( confirm );
		await user.click( screen.getByRole( 'button', { name: 'Cancel' } ) );
		await user.keyboard( '{Escape}' );

		expect( onConfirm ).not.toHaveBeenCalled();
		expect( onCancel ).not.toHaveBeenCalled();
	} );
} );

/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Internal dependencies
 */
import ErrorNotice from '..';

const error = {
	code: 'rest_forbidden',
	message: 'Sorry, you are not allowed to do that.',
	status: 403,
};

describe( 'ErrorNotice', () => {
	it( 'should announce the message and show the error code', () => {
		render( <ErrorNotice error={ error } /> );

		const alert = screen.getByRole( 'alert' );
		expect( alert ).toHaveTextContent(
			'Sorry, you are not allowed to do that.'
		);
		expect( alert ).toHaveTextContent( 'Error code: rest_forbidden' );
	} );

	it( 'should not offer Retry without a handler', () => {
		render( <ErrorNotice error={ error } /> );

		expect(
			screen.queryByRole( 'button', { name: 'Retry' } )
		).not.toBeInTheDocument();
	} );

	it( 'should call onRetry when Retry is pressed', async () => {
		const user = userEvent.setup();
		const onRetry = jest.fn();
		render( <ErrorNotice error={ error } onRetry={ onRetry } /> );

		await user.click( screen.getByRole( 'button', { name: 'Retry' } ) );

		expect( onRetry ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'should disable Retry while a retry is in flight', async () => {
		const user = userEvent.setup();
		const onRetry = jest.fn();
		render(
			<ErrorNotice error={ error } onRetry={ onRetry } isRetrying />
		);

		const retry = screen.getByRole( 'button', { name: 'Retry' } );
		expect( retry ).toHaveAttribute( 'aria-disabled', 'true' );

		await user.click( retry );

		expect( onRetry ).not.toHaveBeenCalled();
	} );
} );

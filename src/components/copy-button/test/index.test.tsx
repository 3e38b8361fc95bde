/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Internal dependencies
 */
import CopyButton from '..';
import { mockClipboard } from '../../../../tests/js/clipboard';

describe( 'CopyButton', () => {
	it( 'should copy the text and announce “Copied.”', async () => {
		const user = userEvent.setup();
		const writeText = mockClipboard();
		const onCopied = jest.fn();
		render(
			<CopyButton text="abc123" label="Copy key" onCopied={ onCopied } />
		);

		await user.click( screen.getByRole( 'button', { name: 'Copy key' } ) );

		expect( writeText ).toHaveBeenCalledWith( 'abc123' );
		expect( onCopied ).toHaveBeenCalledTimes( 1 );
		const status = screen.getByText( 'Copied.' );
		expect( status ).toHaveAttribute( 'aria-live', 'polite' );
	} );

	it( 'should copy what a function returns at the moment of copying', async () => {
		const user = userEvent.setup();
		const writeText = mockClipboard();
		render( <CopyButton text={ () => 'computed' } /> );

		await user.click( screen.getByRole( 'button', { name: 'Copy' } ) );

		expect( writeText ).toHaveBeenCalledWith( 'computed' );
	} );

	it( 'should say how to copy by hand when the browser refuses', async () => {
		const user = userEvent.setup();
		const writeText = mockClipboard();
		writeText.mockRejectedValue( new Error( 'NotAllowedError' ) );
		const onCopied = jest.fn();
		render( <CopyButton text="abc" onCopied={ onCopied } /> );

		await user.click( screen.getByRole( 'button', { name: 'Copy' } ) );

		expect(
			screen.getByText( /did not let CiviKey copy.*Ctrl\+C/ )
		).toBeInTheDocument();
		expect( onCopied ).not.toHaveBeenCalled();
	} );

	it( 'should forget “Copied.” when the text changes', async () => {
		const user = userEvent.setup();
		mockClipboard();
		const { rerender } = render( <CopyButton text="one" /> );
		await user.click( screen.getByRole( 'button', { name: 'Copy' } ) );
		expect( screen.getByText( 'Copied.' ) ).toBeInTheDocument();

		rerender( <CopyButton text="two" /> );

		expect( screen.queryByText( 'Copied.' ) ).not.toBeInTheDocument();
	} );
} );

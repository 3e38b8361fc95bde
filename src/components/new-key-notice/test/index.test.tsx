/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Internal dependencies
 */
import NewKeyNotice from '..';
import type { NewKeyNoticeProps } from '../types';
import { makeContact } from '../../../../tests/js/fixtures/contact';
import { mockClipboard } from '../../../../tests/js/clipboard';

const KEY = 'Abcdefghijklmnopqrstuvwxyz012345';

function props( overrides: Partial< NewKeyNoticeProps > = {} ) {
	return {
		apiKey: KEY,
		contact: makeContact(),
		action: 'set' as const,
		isCopied: false,
		onCopied: jest.fn(),
		onDone: jest.fn(),
		...overrides,
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

describe( 'NewKeyNotice', () => {
	it( 'should take focus, and say the key will not be shown again', () => {
		render( <NewKeyNotice { ...props() } /> );

		const region = screen.getByRole( 'region', {
			name: 'Key saved on Zapier (contact #42).',
		} );
		expect( region ).toHaveFocus();
		expect( region ).toHaveAccessibleDescription(
			'Copy this key now. You will not see it again: CiviKey does not store it and CiviCRM will not show it.'
		);
	} );

	it( 'should say the old key no longer works after a replacement', () => {
		render( <NewKeyNotice { ...props( { action: 'rotate' } ) } /> );

		expect(
			screen.getByRole( 'region', {
				name: 'New key saved on Zapier (contact #42). The old key no longer works.',
			} )
		).toBeInTheDocument();
	} );

	it( 'should show the key in a read-only field', () => {
		render( <NewKeyNotice { ...props() } /> );

		const field = screen.getByRole( 'textbox', { name: 'New API key' } );
		expect( field ).toHaveValue( KEY );
		expect( field ).toHaveAttribute( 'readonly' );
	} );

	it( 'should copy the key and announce it', async () => {
		const user = userEvent.setup();
		const writeText = mockClipboard();
		const onCopied = jest.fn();
		render( <NewKeyNotice { ...props( { onCopied } ) } /> );

		await user.click( screen.getByRole( 'button', { name: 'Copy key' } ) );

		expect( writeText ).toHaveBeenCalledWith( KEY );
		expect( onCopied ).toHaveBeenCalledTimes( 1 );
		expect( screen.getByText( 'Copied.' ) ).toHaveAttribute(
			'aria-live',
			'polite'
		);
	} );

	it( 'should call onDone from “Done, I have copied it”', async () => {
		const user = userEvent.setup();
		const onDone = jest.fn();
		render( <NewKeyNotice { ...props( { onDone } ) } /> );

		await user.click(
			screen.getByRole( 'button', { name: 'Done, I have copied it' } )
		);

		expect( onDone ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'should ask before leaving the page until the key is copied', () => {
		const { rerender, unmount } = render( <NewKeyNotice { ...props() } /> );
		expect( leavePage() ).toBe( true );

		rerender( <NewKeyNotice { ...props( { isCopied: true } ) } /> );
		expect( leavePage() ).toBe( false );

		rerender( <NewKeyNotice { ...props( { isCopied: false } ) } /> );
		expect( leavePage() ).toBe( true );

		unmount();
		expect( leavePage() ).toBe( false );
	} );
} );

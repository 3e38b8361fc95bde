/**
 * External dependencies
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';

/**
 * Internal dependencies
 */
import { copyText } from '../clipboard';
import { mockClipboard } from '../../../tests/js/clipboard';

describe( 'copyText', () => {
	afterEach( () => {
		// Back to jsdom's navigator without a clipboard.
		Reflect.deleteProperty( window.navigator, 'clipboard' );
		jest.restoreAllMocks();
	} );

	it( 'should use the Clipboard API when there is one', async () => {
		const writeText = mockClipboard();

		await expect( copyText( 'abc' ) ).resolves.toBe( true );
		expect( writeText ).toHaveBeenCalledWith( 'abc' );
	} );

	it( 'should fall back to execCommand, and clean up after itself', async () => {
		Reflect.deleteProperty( window.navigator, 'clipboard' );
		let copied = '';
		const execCommand = jest.fn( ( command: string ) => {
			const textarea = document.querySelector( 'textarea' );
			copied =
				command === 'copy' && textarea
					? textarea.value.slice(
							textarea.selectionStart,
							textarea.selectionEnd
						)
					: '';
			return true;
		} );
		Object.defineProperty( document, 'execCommand', {
			configurable: true,
			value: execCommand,
		} );
		const button = document.createElement( 'button' );
		document.body.appendChild( button );
		button.focus();

		await expect( copyText( 'xyz' ) ).resolves.toBe( true );

		expect( execCommand ).toHaveBeenCalledWith( 'copy' );
		expect( copied ).toBe( 'xyz' );
		expect( document.querySelector( 'textarea' ) ).toBeNull();
		expect( button ).toHaveFocus();
		Reflect.deleteProperty( document, 'execCommand' );
		button.remove();
	} );

	it( 'should resolve false when nothing works', async () => {
		const writeText = mockClipboard();
		writeText.mockRejectedValue( new Error( 'denied' ) );
		Object.defineProperty( document, 'execCommand', {
			configurable: true,
			value: () => {
				throw new Error( 'not supported' );
			},
		} );

		await expect( copyText( 'abc' ) ).resolves.toBe( false );
		expect( document.querySelector( 'textarea' ) ).toBeNull();
		Reflect.deleteProperty( document, 'execCommand' );
	} );
} );

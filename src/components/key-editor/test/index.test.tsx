/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import {
	fireEvent,
	render,
	screen,
	waitFor,
	within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import KeyEditor from '..';
import type { Contact } from '../../../api/types';
import {
	makeContact,
	makeContactWithoutKey,
	makeKeyChange,
} from '../../../../tests/js/fixtures/contact';
import type { FetchOptions } from '../../../../tests/js/api-routes';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock<
	( options: unknown ) => Promise< unknown >
>;

const PASTED = 'Abcdefghijklmnopqrstuvwxyz012345';

/**
 * Renders the editor with spies for its callbacks.
 *
 * @param contact Contact.
 * @return The spies.
 */
function renderEditor( contact: Contact ) {
	const onSaved = jest.fn();
	const onRevoked = jest.fn();
	const onStale = jest.fn();
	render(
		<KeyEditor
			contact={ contact }
			onSaved={ onSaved }
			onRevoked={ onRevoked }
			onStale={ onStale }
		/>
	);
	return { onSaved, onRevoked, onStale };
}

function generatedKey(): string {
	return (
		screen.getByRole( 'textbox', {
			name: 'Generated key',
		} ) as HTMLInputElement
	 ).value;
}

function lastRequest(): FetchOptions {
	return mockApiFetch.mock.calls.at( -1 )?.[ 0 ] as FetchOptions;
}

describe( 'KeyEditor', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	describe( 'generator', () => {
		it( 'should show a 32-character key generated in the browser', () => {
			renderEditor( makeContactWithoutKey() );

			expect(
				screen.getByRole( 'radio', {
					name: 'Generate a key in this browser (recommended)',
				} )
			).toBeChecked();
			expect( generatedKey() ).toMatch( /^[A-Za-z0-9]{32}$/ );
			expect(
				screen.getByRole( 'textbox', { name: 'Generated key' } )
			).toHaveAttribute( 'readonly' );
		} );

		it( 'should make a key of the length chosen, from 20 to 32', () => {
			renderEditor( makeContactWithoutKey() );

			const slider = screen.getByRole( 'slider', { name: 'Length' } );
			expect( slider ).toHaveAttribute( 'min', '20' );
			expect( slider ).toHaveAttribute( 'max', '32' );
			fireEvent.change( slider, { target: { value: '24' } } );

			expect( generatedKey() ).toMatch( /^[A-Za-z0-9]{24}$/ );
		} );

		it( 'should make a new key on Regenerate', async () => {
			const user = userEvent.setup();
			renderEditor( makeContactWithoutKey() );
			const before = generatedKey();

			await user.click(
				screen.getByRole( 'button', { name: 'Regenerate' } )
			);

			expect( generatedKey() ).not.toBe( before );
			expect( generatedKey() ).toHaveLength( 32 );
		} );
	} );

	describe( 'pasted key', () => {
		it( 'should say exactly what is wrong, tied to the field', async () => {
			const user = userEvent.setup();
			renderEditor( makeContactWithoutKey() );
			await user.click(
				screen.getByRole( 'radio', {
					name: 'Use a key I already have',
				} )
			);
			const field = screen.getByRole( 'textbox', {
				name: 'Existing key',
			} );

			await user.type( field, 'abc def&ghi' );

			expect( field ).toHaveAttribute( 'aria-invalid', 'true' );
			expect( field ).toHaveAccessibleDescription(
				/contains 2 characters that are not letters or digits \(A–Z, a–z, 0–9\): a space and “&”\..*The key is 9 characters too short: it has 11 and needs at least 20\./
			);
			expect(
				screen.getByRole( 'button', { name: 'Save key…' } )
			).toHaveAttribute( 'aria-disabled', 'true' );
		} );

		it( 'should name a tab pasted by mistake', async () => {
			const user = userEvent.setup();
			renderEditor( makeContactWithoutKey() );
			await user.click(
				screen.getByRole( 'radio', {
					name: 'Use a key I already have',
				} )
			);
			const field = screen.getByRole( 'textbox', {
				name: 'Existing key',
			} );

			// A text input drops line breaks when typing, so paste.
			field.focus();
			await user.paste( `\t${ PASTED }` );

			expect( field ).toHaveAccessibleDescription(
				/1 character that is not a letter or digit \(A–Z, a–z, 0–9\): a tab\. They are at the start or end of the key/
			);
		} );

		it( 'should say nothing is wrong once the key is valid, and let it be saved', async () => {
			const user = userEvent.setup();
			renderEditor( makeContactWithoutKey() );
			await user.click(
				screen.getByRole( 'radio', {
					name: 'Use a key I already have',
				} )
			);
			const field = screen.getByRole( 'textbox', {
				name: 'Existing key',
			} );

			await user.type( field, PASTED );

			expect( field ).not.toHaveAttribute( 'aria-invalid' );
			expect( field ).not.toHaveAccessibleDescription( /too short/ );
			expect(
				screen.getByRole( 'button', { name: 'Save key…' } )
			).not.toHaveAttribute( 'aria-disabled' );
		} );
	} );

	describe( 'saving a first key', () => {
		it( 'should ask first, naming the contact, then PUT the key without replace', async () => {
			const user = userEvent.setup();
			const contact = makeContactWithoutKey();
			const saved = makeKeyChange( 'set', makeContact() );
			mockApiFetch.mockResolvedValue( saved );
			const { onSaved } = renderEditor( contact );
			const key = generatedKey();

			await user.click(
				screen.getByRole( 'button', { name: 'Save key…' } )
			);

			const dialog = screen.getByRole( 'dialog', {
				name: 'Give Zapier (contact #42) this key?',
			} );
			expect( dialog ).toHaveTextContent( 'You will see it once' );
			expect( mockApiFetch ).not.toHaveBeenCalled();

			await user.click(
				within( dialog ).getByRole( 'button', { name: 'Save key' } )
			);

			await waitFor( () => expect( onSaved ).toHaveBeenCalled() );
			expect( onSaved ).toHaveBeenCalledWith( saved, key );
			expect( lastRequest() ).toMatchObject( {
				path: '/civikey/v1/contacts/42/key',
				method: 'PUT',
				data: { key },
			} );
			expect( lastRequest().data ).not.toHaveProperty( 'replace' );
			expect( lastRequest().path ).not.toContain( key );
			// The editor no longer holds the key it saved.
			expect( generatedKey() ).not.toBe( key );
		} );

		it( 'should save a pasted key', async () => {
			const user = userEvent.setup();
			mockApiFetch.mockResolvedValue(
				makeKeyChange( 'set', makeContact() )
			);
			const { onSaved } = renderEditor( makeContactWithoutKey() );
			await user.click(
				screen.getByRole( 'radio', {
					name: 'Use a key I already have',
				} )
			);
			await user.type(
				screen.getByRole( 'textbox', { name: 'Existing key' } ),
				PASTED
			);

			await user.click(
				screen.getByRole( 'button', { name: 'Save key…' } )
			);
			await user.click(
				screen.getByRole( 'button', { name: 'Save key' } )
			);

			await waitFor( () =>
				expect( onSaved ).toHaveBeenCalledWith(
					expect.anything(),
					PASTED
				)
			);
			expect( lastRequest().data ).toEqual( { key: PASTED } );
		} );
	} );

	describe( 'replacing a key', () => {
		it( 'should warn that the old key stops working, and send nothing on Cancel', async () => {
			const user = userEvent.setup();
			renderEditor( makeContact() );

			await user.click(
				screen.getByRole( 'button', { name: 'Replace key…' } )
			);

			const dialog = screen.getByRole( 'dialog', {
				name: 'Replace the key of Zapier (contact #42)?',
			} );
			expect( dialog ).toHaveTextContent(
				'Whatever uses the old key stops working'
			);
			await user.click(
				within( dialog ).getByRole( 'button', { name: 'Cancel' } )
			);

			expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
			expect( mockApiFetch ).not.toHaveBeenCalled();
			expect(
				screen.getByRole( 'button', { name: 'Replace key…' } )
			).toHaveFocus();
		} );

		it( 'should send replace: true only after the confirmation', async () => {
			const user = userEvent.setup();
			const rotated = makeKeyChange( 'rotate', makeContact() );
			mockApiFetch.mockResolvedValue( rotated );
			const { onSaved } = renderEditor( makeContact() );
			const key = generatedKey();

			await user.click(
				screen.getByRole( 'button', { name: 'Replace key…' } )
			);
			expect( mockApiFetch ).not.toHaveBeenCalled();
			await user.click(
				screen.getByRole( 'button', { name: 'Replace key' } )
			);

			await waitFor( () =>
				expect( onSaved ).toHaveBeenCalledWith( rotated, key )
			);
			expect( mockApiFetch ).toHaveBeenCalledTimes( 1 );
			expect( lastRequest() ).toMatchObject( {
				method: 'PUT',
				path: '/civikey/v1/contacts/42/key',
				data: { key, replace: true },
			} );
		} );

		it( 'should warn, then replace, when CiviCRM hides whether there is a key', async () => {
			const user = userEvent.setup();
			mockApiFetch.mockResolvedValue(
				makeKeyChange( 'rotate', makeContact() )
			);
			renderEditor(
				makeContact( { key: { status: 'hidden', fingerprint: null } } )
			);

			expect(
				screen.getByRole( 'region', { name: 'Set or revoke the key' } )
			).toBeInTheDocument();
			await user.click(
				screen.getByRole( 'button', { name: 'Save key…' } )
			);
			const dialog = screen.getByRole( 'dialog', {
				name: 'Save a key on Zapier (contact #42)?',
			} );
			expect( dialog ).toHaveTextContent(
				'whatever uses the old key stops working'
			);
			await user.click(
				within( dialog ).getByRole( 'button', { name: 'Replace key' } )
			);

			await waitFor( () =>
				expect( lastRequest().data ).toMatchObject( { replace: true } )
			);
		} );

		it( 'should keep every button waiting while the request runs', async () => {
			const user = userEvent.setup();
			mockApiFetch.mockReturnValue( new Promise( () => {} ) );
			renderEditor( makeContact() );

			await user.click(
				screen.getByRole( 'button', { name: 'Replace key…' } )
			);
			const confirm = screen.getByRole( 'button', {
				name: 'Replace key',
			} );
			await user.click( confirm );
			await user.click( confirm );

			expect( confirm ).toHaveAttribute( 'aria-disabled', 'true' );
			expect(
				within( screen.getByRole( 'dialog' ) ).getByRole( 'button', {
					name: 'Cancel',
				} )
			).toHaveAttribute( 'aria-disabled', 'true' );
			for ( const name of [
				'Replace key…',
				'Revoke key…',
				'Regenerate',
			] ) {
				expect(
					screen.getByRole( 'button', { name, hidden: true } )
				).toHaveAttribute( 'aria-disabled', 'true' );
			}
			expect( mockApiFetch ).toHaveBeenCalledTimes( 1 );
		} );

		it( 'should show the server’s message, and ask for a reload when the key changed meanwhile', async () => {
			const user = userEvent.setup();
			mockApiFetch.mockRejectedValue( {
				code: 'civikey_key_exists',
				message:
					'This contact already has a key. Confirm replacing it.',
				data: { status: 409 },
			} );
			const { onSaved, onStale } = renderEditor(
				makeContactWithoutKey()
			);

			await user.click(
				screen.getByRole( 'button', { name: 'Save key…' } )
			);
			await user.click(
				screen.getByRole( 'button', { name: 'Save key' } )
			);

			expect( await screen.findByRole( 'alert' ) ).toHaveTextContent(
				'This contact already has a key. Confirm replacing it.'
			);
			expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
			expect( onStale ).toHaveBeenCalledTimes( 1 );
			expect( onSaved ).not.toHaveBeenCalled();
		} );
	} );

	describe( 'revoking', () => {
		it( 'should not offer to revoke a key that does not exist', () => {
			renderEditor( makeContactWithoutKey() );

			expect(
				screen.queryByRole( 'button', { name: 'Revoke key…' } )
			).not.toBeInTheDocument();
		} );

		it( 'should ask first, naming the contact, then DELETE', async () => {
			const user = userEvent.setup();
			const revoked = makeKeyChange( 'revoke', makeContactWithoutKey() );
			mockApiFetch.mockResolvedValue( revoked );
			const { onRevoked } = renderEditor( makeContact() );

			await user.click(
				screen.getByRole( 'button', { name: 'Revoke key…' } )
			);
			const dialog = screen.getByRole( 'dialog', {
				name: 'Revoke the key of Zapier (contact #42)?',
			} );
			expect( dialog ).toHaveTextContent(
				'Whatever uses the old key stops working immediately.'
			);
			expect( mockApiFetch ).not.toHaveBeenCalled();

			await user.click(
				within( dialog ).getByRole( 'button', { name: 'Revoke key' } )
			);

			await waitFor( () =>
				expect( onRevoked ).toHaveBeenCalledWith( revoked )
			);
			expect( lastRequest() ).toMatchObject( {
				method: 'DELETE',
				path: '/civikey/v1/contacts/42/key',
			} );
			expect( lastRequest() ).not.toHaveProperty( 'data' );
		} );

		it( 'should send nothing when the admin cancels', async () => {
			const user = userEvent.setup();
			renderEditor( makeContact() );

			await user.click(
				screen.getByRole( 'button', { name: 'Revoke key…' } )
			);
			await user.keyboard( '{Escape}' );

			await waitFor( () =>
				expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument()
			);
			expect( mockApiFetch ).not.toHaveBeenCalled();
		} );
	} );
} );

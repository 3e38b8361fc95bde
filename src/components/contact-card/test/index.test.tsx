/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import { createRef } from '@wordpress/element';

/**
 * Internal dependencies
 */
import ContactCard from '..';
import {
	makeContact,
	makeContactWithoutKey,
} from '../../../../tests/js/fixtures/contact';

/**
 * Text inside the card (not in the page-wide a11y-speak live regions, which
 * repeat what notices say).
 *
 * @param text Text to find.
 * @return The element.
 */
function getInCard( text: RegExp ): HTMLElement {
	return within( screen.getByRole( 'region' ) ).getByText( text );
}

/**
 * The definition (dd) of the term (dt) with the given name.
 *
 * @param name Term text.
 * @return The definition's text.
 */
function valueOf( name: string ): string | null {
	const term = screen
		.getAllByRole( 'term' )
		.find( ( element ) => element.textContent === name );
	return term?.nextElementSibling?.textContent ?? null;
}

describe( 'ContactCard', () => {
	it( 'should be a region named after the contact, listing its details', () => {
		render( <ContactCard contact={ makeContact() } /> );

		expect(
			screen.getByRole( 'region', { name: 'Zapier' } )
		).toBeInTheDocument();
		expect( valueOf( 'Contact ID' ) ).toBe( '42' );
		expect( valueOf( 'Type' ) ).toBe( 'Organization' );
		expect( valueOf( 'Email' ) ).toBe( 'zapier@example.org' );
		expect( valueOf( 'WordPress user' ) ).toBe(
			'zapier-bot (Zapier bot) — roles: editor'
		);
		expect(
			screen.queryByText( /anonymous visitor/ )
		).not.toBeInTheDocument();
	} );

	it( 'should show only the fingerprint of a key', () => {
		render( <ContactCard contact={ makeContact() } /> );

		expect( valueOf( 'API key' ) ).toBe(
			'Key ending …WXYZ (32 characters)'
		);
	} );

	it( 'should say when there is no key', () => {
		render( <ContactCard contact={ makeContactWithoutKey() } /> );

		expect( valueOf( 'API key' ) ).toBe( 'No key' );
	} );

	it( 'should say when the key is hidden from the current user', () => {
		render(
			<ContactCard
				contact={ makeContact( {
					key: { status: 'hidden', fingerprint: null },
				} ) }
			/>
		);

		expect( valueOf( 'API key' ) ).toBe( 'Hidden — you may not see keys' );
	} );

	it( 'should not show the end of a key too short to give it away safely', () => {
		render(
			<ContactCard
				contact={ makeContact( {
					key: {
						status: 'set',
						fingerprint: { last4: '', length: 8 },
					},
				} ) }
			/>
		);

		expect( valueOf( 'API key' ) ).toBe(
			'Key set (8 characters, too short to show its end)'
		);
	} );

	it( 'should warn that without a linked user the key runs as an anonymous visitor', () => {
		render(
			<ContactCard
				contact={ makeContact( { linked_user: null, email: null } ) }
			/>
		);

		expect( valueOf( 'WordPress user' ) ).toBe( 'None' );
		expect( valueOf( 'Email' ) ).toBe( 'None' );
		expect(
			getInCard(
				/No WordPress user linked — requests with this key run as an anonymous visitor/
			)
		).toBeVisible();
	} );

	it( 'should warn when the linked user no longer exists', () => {
		render(
			<ContactCard
				contact={ makeContact( {
					linked_user: {
						id: 9,
						exists: false,
						login: null,
						display_name: null,
						roles: [],
					},
				} ) }
			/>
		);

		expect( getInCard( /Linked user #9 no longer exists/ ) ).toBeVisible();
	} );

	it( 'should list every role of the linked user', () => {
		render(
			<ContactCard
				contact={ makeContact( {
					linked_user: {
						id: 7,
						exists: true,
						login: 'bot',
						display_name: 'Bot',
						roles: [ 'editor', 'civicrm_api', 'author' ],
					},
				} ) }
			/>
		);

		expect( valueOf( 'WordPress user' ) ).toBe(
			'bot (Bot) — roles: editor, civicrm_api, author'
		);
	} );

	it( 'should say when the linked user has no role', () => {
		render(
			<ContactCard
				contact={ makeContact( {
					linked_user: {
						id: 7,
						exists: true,
						login: 'bot',
						display_name: 'bot',
						roles: [],
					},
				} ) }
			/>
		);

		expect( valueOf( 'WordPress user' ) ).toBe( 'bot — no role' );
	} );

	it( 'should warn about a contact in the trash', () => {
		render(
			<ContactCard contact={ makeContact( { is_deleted: true } ) } />
		);

		expect( getInCard( /in CiviCRM’s trash/ ) ).toBeVisible();
	} );

	it( 'should let the page move focus to its heading', () => {
		const ref = createRef< HTMLHeadingElement >();
		render( <ContactCard ref={ ref } contact={ makeContact() } /> );

		ref.current?.focus();

		expect(
			screen.getByRole( 'heading', { level: 2, name: 'Zapier' } )
		).toHaveFocus();
	} );
} );

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
import NewKeyNotice from '..';
import type { NewKeyNoticeProps } from '../types';
import { makeContact } from '../../../../tests/js/fixtures/contact';
import { mockClipboard } from '../../../../tests/js/clipboard';
import { makeKeyTestResult } from '../../../../tests/js/fixtures/report';
import {
	callsTo,
	routeApiFetch,
	type MockApiFetch,
	type RouteAnswer,
} from '../../../../tests/js/api-routes';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as MockApiFetch;
const TEST_ROUTE = 'POST /civikey/v1/contacts/42/key/test';

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

	describe( 'live key test', () => {
		beforeEach( () => {
			mockApiFetch.mockReset();
		} );

		/**
		 * Answers the key test with `answer`.
		 *
		 * @param answer Route answer.
		 */
		function answerTest( answer: RouteAnswer ) {
			routeApiFetch( mockApiFetch, { [ TEST_ROUTE ]: answer } );
		}

		it( 'should test nothing until asked', () => {
			render( <NewKeyNotice { ...props() } /> );

			expect(
				screen.getByRole( 'button', { name: 'Test this key now' } )
			).toBeInTheDocument();
			expect( mockApiFetch ).not.toHaveBeenCalled();
		} );

		it( 'should send the key in the body and say whom it authenticated as', async () => {
			const user = userEvent.setup();
			const onTested = jest.fn();
			answerTest( makeKeyTestResult() );
			render( <NewKeyNotice { ...props( { onTested } ) } /> );

			await user.click(
				screen.getByRole( 'button', { name: 'Test this key now' } )
			);

			const status = await screen.findByText(
				'Authenticated as contact 42.'
			);
			expect( status.closest( '[role="status"]' ) ).toHaveTextContent(
				'It works: Authenticated as contact 42.'
			);
			const [ request ] = callsTo( mockApiFetch, TEST_ROUTE );
			expect( request.data ).toEqual( { key: KEY } );
			expect( request.path ).not.toContain( KEY );
			expect( onTested ).toHaveBeenCalledTimes( 1 );
			expect(
				screen.getByRole( 'button', { name: 'Test this key again' } )
			).toBeEnabled();
		} );

		it( 'should say when the key worked only with the site key', async () => {
			const user = userEvent.setup();
			answerTest( makeKeyTestResult( { with_site_key: true } ) );
			render( <NewKeyNotice { ...props() } /> );

			await user.click(
				screen.getByRole( 'button', { name: 'Test this key now' } )
			);

			expect(
				await screen.findByText( /^It worked only when the site key/ )
			).toHaveTextContent( 'X-Civi-Key header' );
		} );

		it( 'should give CiviCRM’s precise reason when it refuses the key', async () => {
			const user = userEvent.setup();
			const onTested = jest.fn();
			const reason =
				'CiviCRM refused the key (HTTP 401): Login not permitted. Must satisfy guard (site_key, perm).';
			answerTest(
				makeKeyTestResult( {
					ok: false,
					status: 401,
					contact_id: null,
					user_id: null,
					message: reason,
				} )
			);
			render( <NewKeyNotice { ...props( { onTested } ) } /> );

			await user.click(
				screen.getByRole( 'button', { name: 'Test this key now' } )
			);

			const status = await screen.findByText( reason );
			expect( status.closest( '[role="status"]' ) ).toHaveTextContent(
				`It does not work: ${ reason }`
			);
			expect( screen.queryByText( /site key was sent/ ) ).toBeNull();
			expect( onTested ).toHaveBeenCalledTimes( 1 );
		} );

		it( 'should say why when the test could not run', async () => {
			const user = userEvent.setup();
			answerTest( () => {
				throw {
					code: 'civikey_key_test_unreachable',
					message:
						'This site could not reach its own CiviCRM endpoint, so the key was not tested.',
					data: { status: 502 },
				};
			} );
			render( <NewKeyNotice { ...props() } /> );

			await user.click(
				screen.getByRole( 'button', { name: 'Test this key now' } )
			);

			expect( await screen.findByRole( 'alert' ) ).toHaveTextContent(
				'This site could not reach its own CiviCRM endpoint'
			);
		} );

		it( 'should wait while testing, and work from the keyboard', async () => {
			const user = userEvent.setup();
			let answer: ( value: unknown ) => void = () => {};
			answerTest(
				() =>
					new Promise( ( resolve ) => {
						answer = resolve;
					} )
			);
			render( <NewKeyNotice { ...props() } /> );
			const button = screen.getByRole( 'button', {
				name: 'Test this key now',
			} );

			button.focus();
			await user.keyboard( '{Enter}' );

			expect( button ).toHaveAttribute( 'aria-disabled', 'true' );
			expect(
				screen.getByText(
					'Testing the key against this site’s CiviCRM…'
				)
			).toBeInTheDocument();
			await user.keyboard( '{Enter}' );
			expect( callsTo( mockApiFetch, TEST_ROUTE ) ).toHaveLength( 1 );

			answer( makeKeyTestResult() );

			await waitFor( () =>
				expect(
					screen.getByText( 'Authenticated as contact 42.' )
				).toBeInTheDocument()
			);
		} );
	} );
} );

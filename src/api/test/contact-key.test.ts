/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { revokeContactKey, setContactKey } from '../client';
import {
	makeContact,
	makeContactWithoutKey,
	makeKeyChange,
} from '../../../tests/js/fixtures/contact';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock<
	( options: unknown ) => Promise< unknown >
>;

const KEY = 'Abcdefghijklmnopqrstuvwxyz012345';

/**
 * The options of the only apiFetch call.
 *
 * @return Options.
 */
function onlyCall(): Record< string, unknown > {
	expect( mockApiFetch ).toHaveBeenCalledTimes( 1 );
	return mockApiFetch.mock.calls[ 0 ][ 0 ] as Record< string, unknown >;
}

describe( 'setContactKey', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'should PUT the key in the JSON body, never in the path or query', async () => {
		const change = makeKeyChange( 'set', makeContact() );
		mockApiFetch.mockResolvedValue( change );

		await expect( setContactKey( 42, KEY ) ).resolves.toEqual( change );

		const options = onlyCall();
		expect( options.method ).toBe( 'PUT' );
		expect( options.path ).toBe( '/civikey/v1/contacts/42/key' );
		expect( options.data ).toEqual( { key: KEY } );
		expect( options ).not.toHaveProperty( 'url' );
		// Wherever the key is, it is not in anything that becomes the URL.
		expect( JSON.stringify( options.path ) ).not.toContain( KEY );
		expect( options.path ).not.toContain( '?' );
	} );

	it( 'should not send replace unless the admin confirmed replacing', async () => {
		mockApiFetch.mockResolvedValue( makeKeyChange( 'set', makeContact() ) );

		await setContactKey( 42, KEY, { replace: false } );

		expect( onlyCall().data ).toEqual( { key: KEY } );
	} );

	it( 'should send replace: true when the admin confirmed replacing', async () => {
		mockApiFetch.mockResolvedValue(
			makeKeyChange( 'rotate', makeContact() )
		);

		await expect(
			setContactKey( 42, KEY, { replace: true } )
		).resolves.toMatchObject( { action: 'rotate' } );

		const options = onlyCall();
		expect( options.data ).toEqual( { key: KEY, replace: true } );
		expect( options.path ).toBe( '/civikey/v1/contacts/42/key' );
	} );

	it.each( [
		[ 409, 'civikey_key_exists', 'This contact already has a key.' ],
		[ 409, 'civikey_key_taken', 'Another contact has this key.' ],
		[ 422, 'civikey_key_is_site_key', 'That is the site key.' ],
		[ 403, 'civikey_civicrm_forbidden', 'CiviCRM said no.' ],
	] )(
		'should reject with the server’s %d %s',
		async ( status, code, message ) => {
			mockApiFetch.mockRejectedValue( {
				code,
				message,
				data: { status },
			} );

			await expect( setContactKey( 42, KEY ) ).rejects.toEqual( {
				code,
				message,
				status,
			} );
		}
	);

	it( 'should reject a response that is not a key change', async () => {
		mockApiFetch.mockResolvedValue( { action: 'set' } );

		await expect( setContactKey( 42, KEY ) ).rejects.toMatchObject( {
			code: 'invalid_response',
		} );
	} );
} );

describe( 'revokeContactKey', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'should DELETE the key, without a body', async () => {
		const change = makeKeyChange( 'revoke', makeContactWithoutKey() );
		mockApiFetch.mockResolvedValue( change );

		await expect( revokeContactKey( 42 ) ).resolves.toEqual( change );

		const options = onlyCall();
		expect( options.method ).toBe( 'DELETE' );
		expect( options.path ).toBe( '/civikey/v1/contacts/42/key' );
		expect( options ).not.toHaveProperty( 'data' );
	} );

	it( 'should reject with civikey_no_key', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'civikey_no_key',
			message: 'This contact has no key.',
			data: { status: 409 },
		} );

		await expect( revokeContactKey( 42 ) ).rejects.toMatchObject( {
			code: 'civikey_no_key',
			status: 409,
		} );
	} );
} );

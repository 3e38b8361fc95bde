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
import {
	createIntegration,
	getIntegrationPlan,
	isOutcomeUnknown,
} from '../integrations';
import type { IntegrationSetupError } from '../integration-types';
import { makePlan, makeResult } from '../../../tests/js/fixtures/integration';

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

/**
 * What a promise the client made rejected with (it rejects with an
 * IntegrationSetupError); fails the test when it resolves.
 *
 * @param promise The promise.
 * @return The rejection.
 */
async function rejectionOf(
	promise: Promise< unknown >
): Promise< IntegrationSetupError > {
	try {
		await promise;
	} catch ( caught ) {
		return caught as IntegrationSetupError;
	}
	throw new Error( 'Expected a rejection.' );
}

/**
 * The query of a request path, as a URLSearchParams.
 *
 * @param path The path.
 * @return Its query.
 */
function queryOf( path: unknown ): URLSearchParams {
	return new URLSearchParams( String( path ).split( '?' )[ 1 ] ?? '' );
}

beforeEach( () => {
	mockApiFetch.mockReset();
} );

describe( 'getIntegrationPlan', () => {
	it( 'should GET the plan for a name and a profile, without permissions', async () => {
		mockApiFetch.mockResolvedValue( makePlan() );

		await expect(
			getIntegrationPlan( {
				name: 'Mailing & sync',
				requirement: { profile: 'read_contacts' },
			} )
		).resolves.toEqual( makePlan() );

		const { path, method, data } = onlyCall();
		expect( String( path ).split( '?' )[ 0 ] ).toBe(
			'/civikey/v1/integrations/plan'
		);
		expect( method ).toBeUndefined();
		expect( data ).toBeUndefined();
		const query = queryOf( path );
		expect( query.get( 'name' ) ).toBe( 'Mailing & sync' );
		expect( query.get( 'profile' ) ).toBe( 'read_contacts' );
		expect( query.getAll( 'permissions[]' ) ).toEqual( [] );
	} );

	it( 'should list the permissions of a custom requirement', async () => {
		mockApiFetch.mockResolvedValue( makePlan() );

		await getIntegrationPlan( {
			name: 'Zapier',
			requirement: {
				profile: 'custom',
				permissions: [ 'access AJAX API', 'view all contacts' ],
			},
		} );

		const query = queryOf( onlyCall().path );
		expect( query.get( 'profile' ) ).toBe( 'custom' );
		expect( query.getAll( 'permissions[]' ) ).toEqual( [
			'access AJAX API',
			'view all contacts',
		] );
	} );

	it( 'should pass the abort signal on', async () => {
		mockApiFetch.mockResolvedValue( makePlan() );
		const controller = new AbortController();

		await getIntegrationPlan(
			{ name: 'Zapier', requirement: { profile: 'read_contacts' } },
			{ signal: controller.signal }
		);

		expect( onlyCall().signal ).toBe( controller.signal );
	} );

	it( 'should reject a body that is not a plan', async () => {
		mockApiFetch.mockResolvedValue( { ...makePlan(), role: null } );

		await expect(
			getIntegrationPlan( {
				name: 'Zapier',
				requirement: { profile: 'read_contacts' },
			} )
		).rejects.toMatchObject( { code: 'invalid_response' } );
	} );

	it.each( [
		[ 400, 'rest_invalid_param', 'Give the integration a name.' ],
		[ 503, 'civikey_civicrm_unavailable', 'CiviCRM is not available.' ],
	] )(
		'should reject with the server’s %d error',
		async ( status, code, message ) => {
			mockApiFetch.mockRejectedValue( {
				code,
				message,
				data: { status },
			} );

			await expect(
				getIntegrationPlan( {
					name: '',
					requirement: { profile: 'read_contacts' },
				} )
			).rejects.toEqual( { code, message, status } );
		}
	);
} );

describe( 'createIntegration', () => {
	it( 'should POST the name, the profile and the key in the body, never in the path', async () => {
		mockApiFetch.mockResolvedValue( makeResult() );

		await expect(
			createIntegration(
				{ name: 'Zapier', requirement: { profile: 'read_contacts' } },
				KEY
			)
		).resolves.toEqual( makeResult() );

		const { path, method, data } = onlyCall();
		expect( path ).toBe( '/civikey/v1/integrations' );
		expect( method ).toBe( 'POST' );
		expect( data ).toEqual( {
			name: 'Zapier',
			profile: 'read_contacts',
			key: KEY,
		} );
	} );

	it( 'should send the permissions of a custom requirement', async () => {
		mockApiFetch.mockResolvedValue( makeResult() );

		await createIntegration(
			{
				name: 'Zapier',
				requirement: {
					profile: 'custom',
					permissions: [ 'access AJAX API', 'edit all contacts' ],
				},
			},
			KEY
		);

		expect( onlyCall().data ).toEqual( {
			name: 'Zapier',
			profile: 'custom',
			permissions: [ 'access AJAX API', 'edit all contacts' ],
			key: KEY,
		} );
	} );

	it( 'should reject with the failed step and what was undone', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'civikey_integration_failed',
			message: 'The role could not be created: the name is taken.',
			data: {
				status: 500,
				step: 'role',
				undone: [ 'user', 'contact' ],
				left_behind: [],
			},
		} );

		const error = await rejectionOf(
			createIntegration(
				{ name: 'Zapier', requirement: { profile: 'read_contacts' } },
				KEY
			)
		);

		expect( error ).toEqual( {
			code: 'civikey_integration_failed',
			message: 'The role could not be created: the name is taken.',
			status: 500,
			step: 'role',
			undone: [ 'user', 'contact' ],
			leftBehind: [],
		} );
		expect( JSON.stringify( error ) ).not.toContain( KEY );
	} );

	it( 'should reject with what an undo could not remove', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'civikey_integration_failed',
			message: 'The key could not be saved.',
			data: {
				status: 409,
				step: 'key',
				undone: [ 'role', 'user' ],
				left_behind: [
					{ part: 'contact', id: 88 },
					{ part: 'role', id: 'civikey_client_abc' },
				],
			},
		} );

		await expect(
			createIntegration(
				{ name: 'Zapier', requirement: { profile: 'read_contacts' } },
				KEY
			)
		).rejects.toMatchObject( {
			status: 409,
			step: 'key',
			undone: [ 'role', 'user' ],
			leftBehind: [
				{ part: 'contact', id: 88 },
				{ part: 'role', id: 'civikey_client_abc' },
			],
		} );
	} );

	it( 'should reject a validation failure with nothing undone', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'civikey_invalid_key',
			message: 'The key must be 20 to 32 letters and digits.',
			data: { status: 422, step: 'validate', undone: [] },
		} );

		const error = await rejectionOf(
			createIntegration(
				{ name: 'Zapier', requirement: { profile: 'read_contacts' } },
				KEY
			)
		);

		expect( error ).toMatchObject( {
			step: 'validate',
			undone: [],
			leftBehind: [],
		} );
		expect( isOutcomeUnknown( error ) ).toBe( false );
	} );

	it( 'should drop parts and steps it does not know', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'civikey_integration_failed',
			message: 'Something failed.',
			data: {
				status: 500,
				step: 'teleport',
				undone: [ 'contact', 'spaceship', 7 ],
				left_behind: [ { part: 'moon', id: 1 }, { part: 'user' } ],
			},
		} );

		await expect(
			createIntegration(
				{ name: 'Zapier', requirement: { profile: 'read_contacts' } },
				KEY
			)
		).rejects.toMatchObject( {
			step: null,
			undone: [ 'contact' ],
			leftBehind: [],
		} );
	} );

	it( 'should say the outcome is unknown when no answer came', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'fetch_error',
			message: 'You are probably offline.',
		} );

		const error = await rejectionOf(
			createIntegration(
				{ name: 'Zapier', requirement: { profile: 'read_contacts' } },
				KEY
			)
		);

		expect( error ).toMatchObject( {
			code: 'fetch_error',
			step: null,
			undone: [],
			leftBehind: [],
		} );
		expect( isOutcomeUnknown( error ) ).toBe( true );
	} );

	it( 'should say the outcome is unknown when a success cannot be read', async () => {
		mockApiFetch.mockResolvedValue( { run: 'run-1' } );

		const error = await rejectionOf(
			createIntegration(
				{ name: 'Zapier', requirement: { profile: 'read_contacts' } },
				KEY
			)
		);

		expect( error ).toMatchObject( {
			code: 'invalid_response',
			step: null,
		} );
		expect( isOutcomeUnknown( error ) ).toBe( true );
	} );

	it( 'should know nothing was made when WordPress refused the request', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'rest_forbidden',
			message: 'Sorry, you are not allowed to do that.',
			data: { status: 403 },
		} );

		const error = await rejectionOf(
			createIntegration(
				{ name: 'Zapier', requirement: { profile: 'read_contacts' } },
				KEY
			)
		);

		expect( error ).toMatchObject( { status: 403, step: null } );
		expect( isOutcomeUnknown( error ) ).toBe( false );
	} );
} );

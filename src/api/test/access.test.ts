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
	applyContactRole,
	createContactUser,
	getAccessReport,
	getProfiles,
	isUserLinkedElsewhere,
	linkContactUser,
	requirementQuery,
	searchUsers,
	testContactKey,
} from '../access';
import {
	makeKeyTestResult,
	makeProfiles,
	makeWorksReport,
	makeWpUser,
} from '../../../tests/js/fixtures/report';

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

beforeEach( () => {
	mockApiFetch.mockReset();
} );

describe( 'getProfiles', () => {
	it( 'should GET the profiles', async () => {
		mockApiFetch.mockResolvedValue( makeProfiles() );

		await expect( getProfiles() ).resolves.toEqual( makeProfiles() );
		expect( onlyCall().path ).toBe( '/civikey/v1/profiles' );
	} );

	it( 'should reject a list that is not of profiles', async () => {
		mockApiFetch.mockResolvedValue( [ { name: 'x' } ] );

		await expect( getProfiles() ).rejects.toMatchObject( {
			code: 'invalid_response',
		} );
	} );
} );

describe( 'requirementQuery', () => {
	it( 'should name a profile alone', () => {
		expect( requirementQuery( { profile: 'read_contacts' } ) ).toBe(
			'profile=read_contacts'
		);
	} );

	it( 'should not send permissions with a named profile', () => {
		expect(
			requirementQuery( {
				profile: 'events',
				permissions: [ 'administer CiviCRM' ],
			} )
		).toBe( 'profile=events' );
	} );

	it( 'should send permissions[] with the custom profile', () => {
		const query = new URLSearchParams(
			requirementQuery( {
				profile: 'custom',
				permissions: [ 'access AJAX API', 'view all contacts' ],
			} )
		);

		expect( query.get( 'profile' ) ).toBe( 'custom' );
		expect( query.getAll( 'permissions[]' ) ).toEqual( [
			'access AJAX API',
			'view all contacts',
		] );
	} );
} );

describe( 'getAccessReport', () => {
	it( 'should GET the report for the profile', async () => {
		const report = makeWorksReport();
		mockApiFetch.mockResolvedValue( report );

		await expect(
			getAccessReport( 42, { profile: 'read_contacts' } )
		).resolves.toEqual( report );
		expect( onlyCall().path ).toBe(
			'/civikey/v1/contacts/42/report?profile=read_contacts'
		);
	} );

	it( 'should drop a fix it does not know, keeping the check', async () => {
		const report = makeWorksReport();
		mockApiFetch.mockResolvedValue( {
			...report,
			checks: [
				{
					id: 'new',
					status: 'warn',
					message: 'Something new.',
					fix: 'teleport',
					fix_how: 'Do it by hand.',
				},
			],
		} );

		const result = await getAccessReport( 42, { profile: 'events' } );

		expect( result.checks ).toEqual( [
			{
				id: 'new',
				status: 'warn',
				message: 'Something new.',
				fix: null,
				fix_how: 'Do it by hand.',
			},
		] );
	} );

	it.each( [
		[ 'an unknown verdict', { verdict: 'maybe' } ],
		[ 'a check of unknown status', { checks: [ { id: 'a' } ] } ],
		[ 'no contact', { contact: null } ],
		[ 'bad permission rows', { permissions: [ { permission: 1 } ] } ],
	] )( 'should reject a report with %s', async ( _, broken ) => {
		mockApiFetch.mockResolvedValue( { ...makeWorksReport(), ...broken } );

		await expect(
			getAccessReport( 42, { profile: 'events' } )
		).rejects.toMatchObject( { code: 'invalid_response' } );
	} );

	it( 'should refuse a contact ID that cannot be one, sending nothing', async () => {
		await expect(
			getAccessReport( 0, { profile: 'events' } )
		).rejects.toMatchObject( { code: 'invalid_contact_id' } );
		expect( mockApiFetch ).not.toHaveBeenCalled();
	} );
} );

describe( 'createContactUser', () => {
	it( 'should POST action create', async () => {
		mockApiFetch.mockResolvedValue( { user_id: 9, login: 'zapier' } );

		await expect( createContactUser( 42 ) ).resolves.toEqual( {
			user_id: 9,
			login: 'zapier',
			moved_from: null,
		} );
		const options = onlyCall();
		expect( options.path ).toBe( '/civikey/v1/contacts/42/user' );
		expect( options.method ).toBe( 'POST' );
		expect( options.data ).toEqual( { action: 'create' } );
	} );

	it( 'should reject with the server’s 409', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'civikey_user_exists',
			message: 'This contact already has a WordPress user.',
			data: { status: 409 },
		} );

		await expect( createContactUser( 42 ) ).rejects.toEqual( {
			code: 'civikey_user_exists',
			message: 'This contact already has a WordPress user.',
			status: 409,
		} );
	} );
} );

describe( 'linkContactUser', () => {
	it( 'should POST action link without move unless confirmed', async () => {
		mockApiFetch.mockResolvedValue( {
			user_id: 9,
			login: 'sync-robot',
			moved_from: null,
		} );

		await linkContactUser( 42, 9 );

		expect( onlyCall().data ).toEqual( { action: 'link', user_id: 9 } );
	} );

	it( 'should send move: true once confirmed, and say where from', async () => {
		mockApiFetch.mockResolvedValue( {
			user_id: 9,
			login: 'sync-robot',
			moved_from: 17,
		} );

		await expect(
			linkContactUser( 42, 9, { move: true } )
		).resolves.toEqual( {
			user_id: 9,
			login: 'sync-robot',
			moved_from: 17,
		} );
		expect( onlyCall().data ).toEqual( {
			action: 'link',
			user_id: 9,
			move: true,
		} );
	} );

	it( 'should reject the 409 with the contact the user is linked to', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'civikey_user_linked_elsewhere',
			message: 'This WordPress user is linked to contact 17.',
			data: { status: 409, contact_id: 17 },
		} );

		const error = await linkContactUser( 42, 9 ).catch(
			( caught: unknown ) => caught
		);

		expect( isUserLinkedElsewhere( error ) ).toBe( true );
		expect( error ).toEqual( {
			code: 'civikey_user_linked_elsewhere',
			message: 'This WordPress user is linked to contact 17.',
			status: 409,
			linkedContactId: 17,
		} );
	} );

	it( 'should reject other errors as they are', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'civikey_civicrm_forbidden',
			message: 'CiviCRM said no.',
			data: { status: 403 },
		} );

		const error = await linkContactUser( 42, 9 ).catch(
			( caught: unknown ) => caught
		);

		expect( isUserLinkedElsewhere( error ) ).toBe( false );
		expect( error ).toEqual( {
			code: 'civikey_civicrm_forbidden',
			message: 'CiviCRM said no.',
			status: 403,
		} );
	} );
} );

describe( 'applyContactRole', () => {
	const ROLE = {
		role: 'civikey_client_0123456789',
		name: 'CiviCRM API client: Read contacts',
		created: true,
		capabilities: [ 'access_ajax_api', 'view_all_contacts' ],
		user_id: 7,
	};

	it( 'should POST the profile', async () => {
		mockApiFetch.mockResolvedValue( ROLE );

		await expect(
			applyContactRole( 42, { profile: 'read_contacts' } )
		).resolves.toEqual( ROLE );
		const options = onlyCall();
		expect( options.path ).toBe( '/civikey/v1/contacts/42/role' );
		expect( options.method ).toBe( 'POST' );
		expect( options.data ).toEqual( { profile: 'read_contacts' } );
	} );

	it( 'should POST the custom permissions', async () => {
		mockApiFetch.mockResolvedValue( ROLE );

		await applyContactRole( 42, {
			profile: 'custom',
			permissions: [ 'access AJAX API', 'edit groups' ],
		} );

		expect( onlyCall().data ).toEqual( {
			profile: 'custom',
			permissions: [ 'access AJAX API', 'edit groups' ],
		} );
	} );
} );

describe( 'testContactKey', () => {
	it( 'should POST the key in the JSON body, never in the path', async () => {
		mockApiFetch.mockResolvedValue( makeKeyTestResult() );

		await expect( testContactKey( 42, KEY ) ).resolves.toEqual(
			makeKeyTestResult()
		);
		const options = onlyCall();
		expect( options.method ).toBe( 'POST' );
		expect( options.path ).toBe( '/civikey/v1/contacts/42/key/test' );
		expect( options.data ).toEqual( { key: KEY } );
		expect( options.path ).not.toContain( KEY );
		expect( options ).not.toHaveProperty( 'url' );
	} );

	it( 'should resolve with CiviCRM’s refusal', async () => {
		const refused = makeKeyTestResult( {
			ok: false,
			status: 401,
			contact_id: null,
			user_id: null,
			message:
				'CiviCRM refused the key (HTTP 401): Login not permitted. Must satisfy guard (site_key, perm).',
		} );
		mockApiFetch.mockResolvedValue( refused );

		await expect( testContactKey( 42, KEY ) ).resolves.toEqual( refused );
	} );

	it( 'should reject when the test could not run', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'civikey_key_test_unreachable',
			message: 'This site could not reach its own CiviCRM endpoint.',
			data: { status: 502 },
		} );

		await expect( testContactKey( 42, KEY ) ).rejects.toEqual( {
			code: 'civikey_key_test_unreachable',
			message: 'This site could not reach its own CiviCRM endpoint.',
			status: 502,
		} );
	} );

	it( 'should reject an answer of the wrong shape', async () => {
		mockApiFetch.mockResolvedValue( { ok: 'yes' } );

		await expect( testContactKey( 42, KEY ) ).rejects.toMatchObject( {
			code: 'invalid_response',
		} );
	} );
} );

describe( 'searchUsers', () => {
	it( 'should ask core’s users route for a few fields in the edit context', async () => {
		mockApiFetch.mockResolvedValue( [ makeWpUser() ] );

		await expect( searchUsers( 'robot' ) ).resolves.toEqual( [
			makeWpUser(),
		] );
		const path = String( onlyCall().path );
		const [ route, query ] = path.split( '?' );
		const params = new URLSearchParams( query );
		expect( route ).toBe( '/wp/v2/users' );
		expect( params.get( 'search' ) ).toBe( 'robot' );
		expect( params.get( 'context' ) ).toBe( 'edit' );
		expect( params.get( 'per_page' ) ).toBe( '10' );
	} );

	it( 'should reject users without a login', async () => {
		mockApiFetch.mockResolvedValue( [ { id: 1, name: 'X' } ] );

		await expect( searchUsers( '' ) ).rejects.toMatchObject( {
			code: 'invalid_response',
		} );
	} );
} );

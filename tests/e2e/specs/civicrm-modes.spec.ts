/**
 * External dependencies
 */
import { test, expect, type APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Internal dependencies
 */
import {
	STACK_DIR,
	civicrmKind,
	civicrmStates,
	describeCiviCrm,
	setCiviCrmState,
	type CiviCrmState,
} from '../support/civicrm';

/*
 * How CiviCRM can fail to be there: its plugin not active ("absent"; the
 * first-run screen for it is in civicrm-missing.spec.ts), active but its
 * installer never run, or, with the stand-in, started but failing every call.
 * support/civicrm-state.php makes each the way a site gets there.
 */

const logs = [
	path.join( STACK_DIR, 'logs/debug.log' ),
	path.join( STACK_DIR, 'logs/php-server.log' ),
];

/**
 * What the Tools page must say in each state: the state, and the sentence
 * naming what to do; and what the status route calls it.
 */
const NOTICE: Record<
	Exclude< CiviCrmState, 'ready' >,
	{ label: string; sentence: string; state: string }
> = {
	absent: {
		label: 'Not found',
		sentence:
			'Install and activate the CiviCRM plugin, then come back to this page.',
		state: 'missing',
	},
	not_installed: {
		label: 'Not installed',
		sentence: 'Finish the CiviCRM installer, then come back to this page.',
		state: 'not_installed',
	},
	failing: {
		label: 'Unavailable',
		sentence:
			'Check that its database is reachable and its settings file is readable, then reload this page.',
		state: 'unavailable',
	},
};

/**
 * Routes that may answer 200 without a working CiviCRM, where every other
 * route must answer 503 with a sentence: they need none, or report what they
 * could not find out. Bulk revoke answers with each contact's outcome, which
 * must be "not revoked" with a sentence.
 */
const ANSWER_WITHOUT_CIVICRM = [
	'GET /civikey/v1/status',
	'GET /civikey/v1/profiles',
	'GET /civikey/v1/site-key',
	'GET /civikey/v1/connection',
	'GET /civikey/v1/inventory/problems',
	'GET /civikey/v1/audit',
	'GET /civikey/v1/site-health',
	'POST /civikey/v1/inventory/revoke',
];

const PHP_PROBLEM =
	/PHP (Fatal error|Parse error|Warning|Notice|Deprecated)|Uncaught /;

/**
 * Puts the site's CiviCRM in a state, and checks the site is in it.
 *
 * @param state State.
 */
function setCiviCrm( state: CiviCrmState ): void {
	expect(
		setCiviCrmState( state ),
		"the site's CiviCRM was put in that state"
	).toBe( state );
}

function sizeOf( file: string ): number {
	return fs.existsSync( file ) ? fs.statSync( file ).size : 0;
}

function readFrom( file: string, from: number ): string {
	return fs.existsSync( file )
		? fs.readFileSync( file ).subarray( from ).toString( 'utf8' )
		: '';
}

function randomKey(): string {
	const alphabet =
		'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	// Test data only; the product's generator is tested on its own.
	return Array.from(
		randomBytes( 32 ),
		( byte ) => alphabet[ byte % alphabet.length ]
	).join( '' );
}

type Answer = { route: string; status: number; body: string };

type Endpoint = {
	methods: string[];
	args: Record< string, { required?: boolean } > | unknown[];
};

/**
 * One request per route and method set, from the REST index, with the
 * required parameters filled in; a new required parameter fails the test
 * until it is added here.
 *
 * @param request   Request context with the admin's cookies.
 * @param headers   Nonce and content type.
 * @param contactId A contact that has a key.
 * @param key       That contact's key.
 */
async function callEveryRoute(
	request: APIRequestContext,
	headers: Record< string, string >,
	contactId: number,
	key: string
) {
	const index = await (
		await request.get( '/wp-json/civikey/v1', { headers } )
	).json();
	const values: Record< string, unknown > = {
		key,
		name: 'Modes',
		action: 'create',
		contact_ids: [ contactId ],
	};
	const answers: Answer[] = [];
	for ( const [ pattern, route ] of Object.entries(
		index.routes as Record< string, { endpoints: Endpoint[] } >
	) ) {
		if ( pattern === '/civikey/v1' ) {
			continue;
		}
		for ( const endpoint of route.endpoints ) {
			const method = endpoint.methods[ 0 ];
			const data: Record< string, unknown > = {};
			for ( const [ name, arg ] of Object.entries(
				Array.isArray( endpoint.args ) ? {} : endpoint.args
			) ) {
				if ( ! arg.required || name === 'id' ) {
					continue;
				}
				expect(
					name in values,
					`a value for the required parameter "${ name }" of ${ method } ${ pattern }`
				).toBe( true );
				data[ name ] = values[ name ];
			}
			const url = pattern.replace(
				'(?P<id>[\\d]+)',
				String( contactId )
			);
			const response = await request.fetch( `/wp-json${ url }`, {
				method,
				headers,
				// A GET takes its required parameters in the query string.
				...( method === 'GET'
					? { params: data as Record< string, string > }
					: { data } ),
			} );
			answers.push( {
				route: `${ method } ${ pattern.replace( '(?P<id>[\\d]+)', '{id}' ) }`,
				status: response.status(),
				body: await response.text(),
			} );
		}
	}
	return answers;
}

/**
 * The answers that are neither a 503 with a sentence nor a 200 from a route
 * that may answer without CiviCRM.
 *
 * @param answers One per route.
 */
function unexpectedAnswers( answers: Answer[] ): string[] {
	const sentence = /^(CiviCRM|The CiviCRM plugin) .{20,}\.$/;
	return answers
		.filter( ( answer ) => {
			const data = JSON.parse( answer.body );
			const refused =
				answer.status === 503 &&
				/^civikey_civicrm_/.test( data.code ) &&
				sentence.test( data.message );
			const answered =
				answer.status === 200 &&
				ANSWER_WITHOUT_CIVICRM.includes( answer.route ) &&
				( ! answer.route.endsWith( '/revoke' ) ||
					( data[ 0 ]?.revoked === false &&
						sentence.test( data[ 0 ]?.message ) ) );
			return ! refused && ! answered;
		} )
		.map(
			( answer ) =>
				`${ answer.route } ${ answer.status } ${ answer.body }`
		);
}

/**
 * Where a secret shows up.
 *
 * @param secrets What to look for, by name.
 * @param logged  What the logs gained.
 * @param bodies  Every response body.
 */
function leaksOf(
	secrets: Record< string, string >,
	logged: string,
	bodies: string[]
): string[] {
	return Object.entries( secrets ).flatMap( ( [ what, secret ] ) => [
		...( logged.includes( secret ) ? [ `${ what } in a log` ] : [] ),
		...( bodies.some( ( body ) => body.includes( secret ) )
			? [ `${ what } in a response` ]
			: [] ),
	] );
}

test.describe( `CiviCRM (${ civicrmKind() }) absent, not installed or failing`, () => {
	// Whatever happens in a test, the rest of the suite gets a working CiviCRM.
	test.afterEach( () => setCiviCrm( 'ready' ) );

	for ( const mode of civicrmStates() ) {
		test( `should say what to do and answer 503 with a sentence when CiviCRM is ${ mode.replace(
			'_',
			' '
		) }`, async ( { page, request } ) => {
			// A contact with a key, made while CiviCRM works; its key is then
			// sent to the routes that take one, so a log of it would show.
			setCiviCrm( 'ready' );
			const { siteKey } = describeCiviCrm();
			expect( siteKey, 'CiviCRM has a site key' ).toMatch( /^\S{16,}$/ );
			await page.goto( '/wp-admin/tools.php?page=civikey' );
			const nonce = await page.evaluate(
				() =>
					(
						window as unknown as {
							wp: {
								apiFetch: {
									nonceMiddleware?: { nonce: string };
								};
							};
						}
					 ).wp.apiFetch.nonceMiddleware?.nonce ?? ''
			);
			const headers = {
				'X-WP-Nonce': nonce,
				'Content-Type': 'application/json',
			};
			const created = await request.post(
				'/wp-json/civikey/v1/contacts',
				{
					headers,
					data: { name: `Modes ${ mode } ${ Date.now() }` },
				}
			);
			expect( created.status() ).toBe( 201 );
			const contactId: number = ( await created.json() ).id;
			const key = randomKey();
			const set = await request.put(
				`/wp-json/civikey/v1/contacts/${ contactId }/key`,
				{ headers, data: { key } }
			);
			expect( set.status() ).toBe( 200 );

			const logStart = logs.map( sizeOf );
			setCiviCrm( mode );
			const bodies: string[] = [];
			page.on( 'response', async ( response ) => {
				bodies.push( await response.text().catch( () => '' ) );
			} );

			// The page: a clear notice, no PHP error page.
			const response = await page.goto(
				'/wp-admin/tools.php?page=civikey'
			);
			expect( response?.status() ).toBe( 200 );
			const status = page.getByRole( 'region', {
				name: 'CiviCRM status',
			} );
			await expect( status ).toContainText( NOTICE[ mode ].label );
			await expect( status ).toContainText( NOTICE[ mode ].sentence );
			await expect( status ).not.toContainText(
				'does not let your account'
			);
			await expect( page.getByText( 'critical error' ) ).toHaveCount( 0 );

			// Every route.
			const answers = await callEveryRoute(
				request,
				headers,
				contactId,
				key
			);
			bodies.push( ...answers.map( ( answer ) => answer.body ) );
			const unexpected = unexpectedAnswers( answers );
			// With the notice, the status route names the state.
			const state = await (
				await request.get( '/wp-json/civikey/v1/status', { headers } )
			).json();
			expect( state.civicrm.state ).toBe( NOTICE[ mode ].state );

			const logged = logs
				.map( ( file, i ) => readFrom( file, logStart[ i ] ) )
				.join( '\n' );
			const problems = logged
				.split( '\n' )
				.filter( ( line ) => PHP_PROBLEM.test( line ) );
			const leaks = leaksOf(
				{ 'the key': key, 'the site key': siteKey },
				logged,
				bodies
			);
			const answered503 = answers.filter( ( a ) => a.status === 503 );
			// eslint-disable-next-line no-console
			console.log(
				`CiviCRM ${ mode }: ${ answers.length } routes, 503 with a sentence: ${ answered503.length }, HTTP 500s: ${
					answers.filter(
						( a ) => a.status >= 500 && a.status !== 503
					).length
				}, unexpected answers: ${ unexpected.length }, PHP errors or warnings logged: ${
					problems.length
				}, secrets in logs or responses: ${ leaks.length }`
			);
			expect( unexpected ).toEqual( [] );
			expect( problems ).toEqual( [] );
			expect( leaks ).toEqual( [] );
			expect( answered503.length ).toBeGreaterThan( 5 );
		} );
	}
} );

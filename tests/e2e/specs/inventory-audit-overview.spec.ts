/**
 * External dependencies
 */
import {
	test,
	expect,
	type APIRequestContext,
	type Locator,
} from '@playwright/test';
import { randomInt } from 'node:crypto';

/**
 * Internal dependencies
 */
import { shot } from '../support/screenshot';

const ALPHABET =
	'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A key of the shape CiviKey generates; the test sends it once and forgets it.
 *
 * @return 32 letters and digits.
 */
function newKey(): string {
	return Array.from(
		{ length: 32 },
		() => ALPHABET[ randomInt( ALPHABET.length ) ]
	).join( '' );
}

/**
 * Calls a CiviKey route and expects it to succeed.
 *
 * @param request Request context, logged in as the admin.
 * @param nonce   REST nonce of the page.
 * @param method  HTTP method.
 * @param route   Route under /wp-json/civikey/v1.
 * @param data    JSON body.
 * @return The decoded answer.
 */
async function call(
	request: APIRequestContext,
	nonce: string,
	method: 'post' | 'put',
	route: string,
	data: Record< string, unknown >
): Promise< Record< string, unknown > > {
	const response = await request[ method ]( `/wp-json/civikey/v1${ route }`, {
		headers: { 'X-WP-Nonce': nonce },
		data,
	} );
	expect( response.status(), `${ method } ${ route }` ).toBeLessThan( 300 );
	return response.json();
}

/**
 * Sets a service up the way the Keys view does: a contact and a key, and,
 * for a working one, a WordPress user with a dedicated role and a live test.
 *
 * @param request Request context, logged in as the admin.
 * @param nonce   REST nonce of the page.
 * @param name    Contact name.
 * @param steps   What to do after setting the key.
 * @return The contact ID.
 */
async function setUpService(
	request: APIRequestContext,
	nonce: string,
	name: string,
	steps: Array< ( id: number, key: string ) => Promise< unknown > >
): Promise< number > {
	const { id } = await call( request, nonce, 'post', '/contacts', { name } );
	const key = newKey();
	await call( request, nonce, 'put', `/contacts/${ id }/key`, { key } );
	for ( const step of steps ) {
		await step( id as number, key );
	}
	return id as number;
}

/**
 * Pages the inventory forward to its last page, where the newest contacts
 * are (it lists keys by contact ID).
 *
 * @param inventory The inventory region.
 */
async function goToLastPage( inventory: Locator ): Promise< void > {
	await expect( inventory.getByRole( 'table' ) ).toBeVisible();
	const pager = inventory.getByRole( 'navigation', {
		name: 'Pages of keys',
	} );
	// No pager at all when every key fits on one page.
	const text = ( await pager.count() ) ? await pager.textContent() : '';
	const [ , current = '1', last = '1' ] =
		text?.match( /Page (\d+) of (\d+)/ ) ?? [];
	for ( let to = Number( current ) + 1; to <= Number( last ); to++ ) {
		await pager.getByRole( 'button', { name: 'Next' } ).click();
		await expect( pager ).toContainText( `Page ${ to } of ${ last }` );
	}
}

test( 'should list each key with its problems and record every change in the audit trail', async ( {
	page,
	request,
} ) => {
	// Short and unique, so the names read like real services.
	const run = Date.now().toString( 36 ).slice( -4 ).toUpperCase();
	await page.goto( '/wp-admin/tools.php?page=civikey' );
	const nonce = await page.evaluate(
		() =>
			(
				window as unknown as {
					wp: { apiFetch: { nonceMiddleware?: { nonce: string } } };
				}
			 ).wp.apiFetch.nonceMiddleware?.nonce ?? ''
	);

	// Two working services, and one with a key and nothing else, which runs
	// as an anonymous visitor.
	const fixSteps = [
		( id: number ) =>
			call( request, nonce, 'post', `/contacts/${ id }/user`, {
				action: 'create',
			} ),
		( id: number ) =>
			call( request, nonce, 'post', `/contacts/${ id }/role`, {
				profile: 'read_contacts',
			} ),
		async ( id: number, key: string ) =>
			expect(
				(
					await call(
						request,
						nonce,
						'post',
						`/contacts/${ id }/key/test`,
						{ key }
					)
				).ok
			).toBe( true ),
	];
	const working = [ `Website donations ${ run }`, `Event sign-up ${ run }` ];
	const anonymous = `Mailing sync ${ run }`;
	const workingIds: number[] = [];
	for ( const name of working ) {
		workingIds.push( await setUpService( request, nonce, name, fixSteps ) );
	}
	const anonymousId = await setUpService( request, nonce, anonymous, [] );

	await page.getByRole( 'tab', { name: 'Inventory' } ).click();
	const inventory = page.getByRole( 'region', { name: 'Key inventory' } );
	await goToLastPage( inventory );
	await inventory.getByLabel( 'Search this page' ).fill( run );
	const rowOf = ( name: string ) =>
		inventory.getByRole( 'row', { name: new RegExp( name ) } );
	await expect( rowOf( anonymous ) ).toContainText(
		'No linked WordPress user'
	);
	for ( const name of working ) {
		await expect( rowOf( name ) ).toContainText( 'civikey_client_' );
		await expect( rowOf( name ) ).not.toContainText(
			'No linked WordPress user'
		);
	}
	await shot( page, 'inventory', { scrollTo: 'Key inventory' } );

	// The audit trail, newest first: what was done to each, by whom.
	await page.getByRole( 'tab', { name: 'Audit' } ).click();
	const audit = page.getByRole( 'region', { name: 'Audit trail' } );
	const entry = ( id: number, action: string ) =>
		audit
			.getByRole( 'row', {
				name: new RegExp( `#${ id }\\b.*${ action }` ),
			} )
			.first();
	for ( const id of workingIds ) {
		for ( const action of [
			'Key set',
			'WordPress user created',
			'Role given',
			'Key tested',
		] ) {
			await expect( entry( id, action ) ).toBeVisible();
		}
	}
	await expect( entry( anonymousId, 'Key set' ) ).toBeVisible();
	await expect( entry( anonymousId, 'WordPress user created' ) ).toHaveCount(
		0
	);
	await shot( page, 'audit', { scrollTo: 'Audit trail' } );
} );

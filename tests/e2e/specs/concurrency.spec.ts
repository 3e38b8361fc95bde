/**
 * External dependencies
 */
import {
	test,
	expect,
	type APIRequestContext,
	type Page,
} from '@playwright/test';
import { randomBytes } from 'node:crypto';

const ALPHABET =
	'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomKey(): string {
	// Test data only; the product's generator is tested on its own.
	return Array.from(
		randomBytes( 32 ),
		( byte ) => ALPHABET[ byte % 62 ]
	).join( '' );
}

async function restNonce( page: Page ): Promise< string > {
	await page.goto( '/wp-admin/tools.php?page=civikey' );
	return page.evaluate(
		() =>
			(
				window as unknown as {
					wp: { apiFetch: { nonceMiddleware?: { nonce: string } } };
				}
			 ).wp.apiFetch.nonceMiddleware?.nonce ?? ''
	);
}

async function createContact(
	request: APIRequestContext,
	headers: Record< string, string >,
	name: string
): Promise< number > {
	const response = await request.post( '/wp-json/civikey/v1/contacts', {
		headers,
		data: { name, contact_type: 'Organization' },
	} );
	expect( response.status() ).toBe( 201 );
	return ( await response.json() ).id;
}

test( 'should keep exactly one of 50 parallel rotations, and give one key to one contact only', async ( {
	page,
	request,
} ) => {
	test.setTimeout( 180_000 );
	const headers = {
		'X-WP-Nonce': await restNonce( page ),
		'Content-Type': 'application/json',
	};
	const contactId = await createContact(
		request,
		headers,
		`Parallel ${ Date.now() }`
	);

	const keys = Array.from( { length: 50 }, randomKey );
	const rotations = await Promise.all(
		keys.map( ( key ) =>
			request.put( `/wp-json/civikey/v1/contacts/${ contactId }/key`, {
				headers,
				data: { key, replace: true },
			} )
		)
	);
	const statuses = rotations.map( ( response ) => response.status() );
	const contact = await (
		await request.get( `/wp-json/civikey/v1/contacts/${ contactId }`, {
			headers,
		} )
	).json();
	const finalMatches = keys.filter( ( key ) =>
		key.endsWith( contact.key.fingerprint.last4 )
	);
	const audit = await (
		await request.get(
			`/wp-json/civikey/v1/audit?contact_id=${ contactId }&per_page=200`,
			{
				headers,
			}
		)
	).json();
	const keyEntries = audit.filter( ( entry: { action: string } ) =>
		[ 'key_set', 'key_rotate' ].includes( entry.action )
	);

	// Same key, different contacts, at once.
	const shared = randomKey();
	const others = await Promise.all(
		Array.from( { length: 10 }, ( _, i ) =>
			createContact( request, headers, `Shared ${ i } ${ Date.now() }` )
		)
	);
	const sharedStatuses = (
		await Promise.all(
			others.map( ( id ) =>
				request.put( `/wp-json/civikey/v1/contacts/${ id }/key`, {
					headers,
					data: { key: shared },
				} )
			)
		)
	).map( ( response ) => response.status() );

	// eslint-disable-next-line no-console
	console.log(
		`Concurrency: 50 parallel rotations → statuses ${ JSON.stringify(
			Object.fromEntries(
				[ ...new Set( statuses ) ].map( ( s ) => [
					s,
					statuses.filter( ( x ) => x === s ).length,
				] )
			)
		) }, final key among those sent: ${ finalMatches.length === 1 }, audit entries: ${ keyEntries.length }; one key sent to 10 contacts at once → successes: ${ sharedStatuses.filter( ( s ) => s === 200 ).length }`
	);
	expect( statuses.every( ( status ) => status === 200 ) ).toBe( true );
	expect( contact.key.fingerprint ).toHaveLength( 32 );
	expect( finalMatches ).toHaveLength( 1 );
	expect( keyEntries ).toHaveLength( 50 );
	expect(
		sharedStatuses.filter( ( status ) => status === 200 ).length
	).toBeLessThanOrEqual( 1 );
	expect(
		sharedStatuses.filter( ( status ) => status !== 200 && status !== 409 )
	).toEqual( [] );
} );

/**
 * External dependencies
 */
import { test, expect } from '@playwright/test';

/**
 * Every state-changing route, with a body an administrator could send.
 */
const ROUTES: Array< {
	method: 'POST' | 'PUT' | 'DELETE';
	path: string;
	data: object;
} > = [
	{ method: 'POST', path: 'contacts', data: { name: 'CSRF' } },
	{
		method: 'PUT',
		path: 'contacts/1/key',
		data: { key: 'Csrfkey0123456789abcdefghijklmno' },
	},
	{ method: 'DELETE', path: 'contacts/1/key', data: {} },
	{
		method: 'POST',
		path: 'contacts/1/key/test',
		data: { key: 'Csrfkey0123456789abcdefghijklmno' },
	},
	{ method: 'POST', path: 'contacts/1/user', data: { action: 'create' } },
	{
		method: 'POST',
		path: 'contacts/1/role',
		data: { profile: 'read_contacts' },
	},
	{ method: 'POST', path: 'inventory/revoke', data: { contact_ids: [ 1 ] } },
	{ method: 'POST', path: 'site-key/reveal', data: {} },
];

test( 'should refuse every state-changing route with a login cookie but no valid nonce', async ( {
	page,
	request,
} ) => {
	// The logged-in admin's cookies are in the request context (storage state).
	await page.goto( '/wp-admin/tools.php?page=civikey' );
	const nonce = await page.evaluate(
		() =>
			(
				window as unknown as {
					wp: { apiFetch: { nonceMiddleware?: { nonce: string } } };
				}
			 ).wp.apiFetch.nonceMiddleware?.nonce ?? ''
	);
	const statuses: number[] = [];
	for ( const route of ROUTES ) {
		for ( const header of [ {}, { 'X-WP-Nonce': 'bad0nce000' } ] as Array<
			Record< string, string >
		> ) {
			const response = await request.fetch(
				`/wp-json/civikey/v1/${ route.path }`,
				{
					method: route.method,
					headers: { 'Content-Type': 'application/json', ...header },
					data: route.data,
				}
			);
			statuses.push( response.status() );
			expect(
				response.status(),
				`${ route.method } ${ route.path } ${ JSON.stringify( header ) }`
			).toBeGreaterThanOrEqual( 401 );
			expect( response.status() ).toBeLessThan( 500 );
		}
	}
	// The same cookie with the real nonce is accepted, so the refusals above
	// are about the nonce and not about the login.
	const withNonce = await request.get( '/wp-json/civikey/v1/status', {
		headers: { 'X-WP-Nonce': nonce },
	} );
	expect( withNonce.status() ).toBe( 200 );
	const successes = statuses.filter( ( status ) => status < 400 ).length;
	// eslint-disable-next-line no-console
	console.log(
		`CSRF: ${ statuses.length } requests without a valid nonce, successes: ${ successes }`
	);
	expect( successes ).toBe( 0 );
} );

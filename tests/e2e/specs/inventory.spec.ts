/**
 * External dependencies
 */
import { test, expect } from '@playwright/test';

test( 'should find keys with a problem, revoke them together, and show it in the audit trail', async ( {
	page,
	request,
} ) => {
	const prefix = `Inv${ Date.now() }`;
	await page.goto( '/wp-admin/tools.php?page=civikey' );
	const nonce = await page.evaluate(
		() =>
			(
				window as unknown as {
					wp: { apiFetch: { nonceMiddleware?: { nonce: string } } };
				}
			 ).wp.apiFetch.nonceMiddleware?.nonce ?? ''
	);
	const headers = { 'X-WP-Nonce': nonce };
	// Two service contacts with keys and no WordPress user: problem "no_user".
	const ids: number[] = [];
	for ( const suffix of [ 'A', 'B' ] ) {
		const created = await request.post( '/wp-json/civikey/v1/contacts', {
			headers,
			data: { name: `${ prefix } ${ suffix }` },
		} );
		const { id } = await created.json();
		const key = `${ prefix }${ suffix }`.padEnd( 32, 'x' ).slice( 0, 32 );
		expect(
			(
				await request.put( `/wp-json/civikey/v1/contacts/${ id }/key`, {
					headers,
					data: { key },
				} )
			).status()
		).toBe( 200 );
		ids.push( id );
	}

	await page.getByRole( 'tab', { name: 'Inventory' } ).click();
	await expect( page ).toHaveURL( /#inventory$/ );
	await page.getByLabel( 'Show', { exact: true } ).selectOption( 'no_user' );
	// Newest contacts first: ours are on page 1 however many keys the site has.
	await page
		.getByLabel( 'Sort by' )
		.selectOption( { label: 'Contact ID, highest first' } );
	await page.getByLabel( 'Search this page' ).fill( prefix );
	const rows = page.getByRole( 'checkbox', {
		name: new RegExp( `Select ${ prefix }` ),
	} );
	await expect( rows ).toHaveCount( 2 );
	await rows.nth( 0 ).check();
	await rows.nth( 1 ).check();

	await page.getByRole( 'button', { name: 'Revoke selected…' } ).click();
	const confirm = page.getByRole( 'dialog' );
	await expect( confirm ).toContainText( `${ prefix } A` );
	await expect( confirm ).toContainText( `${ prefix } B` );
	await confirm.getByRole( 'button', { name: 'Revoke 2 keys' } ).click();
	await expect(
		page.getByText( new RegExp( `${ prefix } A.*revoked` ) ).first()
	).toBeVisible();
	await expect( rows ).toHaveCount( 0 );

	await page.getByRole( 'tab', { name: 'Audit' } ).click();
	await expect( page ).toHaveURL( /#audit$/ );
	const audit = page.getByRole( 'region', { name: 'Audit trail' } );
	for ( const id of ids ) {
		await expect(
			audit
				.getByRole( 'row', {
					name: new RegExp( `#${ id }\\b.*revoke`, 'i' ),
				} )
				.first()
		).toBeVisible();
	}
	await expect(
		audit.getByRole( 'link', { name: /Download CSV/ } )
	).toHaveAttribute(
		'href',
		/admin-post\.php\?action=civikey_audit_csv&_wpnonce=/
	);
} );

test( 'should sort every key on the server, newest use first, and record the journey in the audit trail', async ( {
	page,
	request,
} ) => {
	const prefix = `Sort${ Date.now() }`;
	await page.goto( '/wp-admin/tools.php?page=civikey' );
	const nonce = await page.evaluate(
		() =>
			(
				window as unknown as {
					wp: { apiFetch: { nonceMiddleware?: { nonce: string } } };
				}
			 ).wp.apiFetch.nonceMiddleware?.nonce ?? ''
	);
	const headers = { 'X-WP-Nonce': nonce };
	const contacts: Array< { id: number; key: string } > = [];
	for ( const suffix of [ 'A', 'B', 'C' ] ) {
		const created = await request.post( '/wp-json/civikey/v1/contacts', {
			headers,
			data: { name: `${ prefix } ${ suffix }` },
		} );
		const { id } = await created.json();
		const key = `${ prefix }${ suffix }`.padEnd( 32, 'k' ).slice( 0, 32 );
		expect(
			(
				await request.put( `/wp-json/civikey/v1/contacts/${ id }/key`, {
					headers,
					data: { key },
				} )
			).status()
		).toBe( 200 );
		contacts.push( { id, key } );
	}
	// C, then B, log in through AuthX (the live key test): B is the last key
	// used on the site, C the one before (or the same second, where the lower
	// contact ID, B, comes first). A is never used.
	for ( const { id, key } of [ contacts[ 2 ], contacts[ 1 ] ] ) {
		const tested = await request.post(
			`/wp-json/civikey/v1/contacts/${ id }/key/test`,
			{ headers, data: { key } }
		);
		expect( ( await tested.json() ).ok ).toBe( true );
	}

	await page.getByRole( 'tab', { name: 'Inventory' } ).click();
	const table = page.getByRole( 'table', { name: /^Keys, page 1 of/ } );
	const rows = table.getByRole( 'checkbox', { name: /\(contact #\d+\)$/ } );
	await expect( rows.first() ).toBeVisible();
	const sortBy = page.getByLabel( 'Sort by' );

	const byUse = page.waitForResponse( ( response ) =>
		response.url().includes( 'orderby=last_used&order=desc' )
	);
	await sortBy.selectOption( { label: 'Last used, newest first' } );
	expect( ( await byUse ).status() ).toBe( 200 );
	await expect( rows.nth( 0 ) ).toHaveAccessibleName(
		`Select ${ prefix } B (contact #${ contacts[ 1 ].id })`
	);
	await expect( rows.nth( 1 ) ).toHaveAccessibleName(
		`Select ${ prefix } C (contact #${ contacts[ 2 ].id })`
	);
	await expect(
		table.getByRole( 'columnheader', { name: 'Last used' } )
	).toHaveAttribute( 'aria-sort', 'descending' );

	await sortBy.selectOption( { label: 'Contact ID, highest first' } );
	for ( const [ index, contact ] of [ ...contacts ].reverse().entries() ) {
		await expect( rows.nth( index ) ).toHaveAccessibleName(
			new RegExp(
				`^Select ${ prefix } [ABC] \\(contact #${ contact.id }\\)`
			)
		);
	}
	await expect(
		table.getByRole( 'columnheader', { name: 'Contact' } )
	).toHaveAttribute( 'aria-sort', 'descending' );

	const revoked = await request.post(
		'/wp-json/civikey/v1/inventory/revoke',
		{
			headers,
			data: { contact_ids: contacts.map( ( { id } ) => id ) },
		}
	);
	expect(
		( await revoked.json() ).map( ( r: { revoked: boolean } ) => r.revoked )
	).toEqual( [ true, true, true ] );
	for ( const [ index, { id } ] of contacts.entries() ) {
		const audit = await request.get(
			`/wp-json/civikey/v1/audit?contact_id=${ id }&per_page=20`,
			{ headers }
		);
		const actions = ( await audit.json() )
			.map( ( entry: { action: string } ) => entry.action )
			.reverse();
		expect( actions ).toEqual(
			index === 0
				? [ 'key_set', 'key_revoke' ]
				: [ 'key_set', 'key_tested', 'key_revoke' ]
		);
	}
} );

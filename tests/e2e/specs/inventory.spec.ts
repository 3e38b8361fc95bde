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

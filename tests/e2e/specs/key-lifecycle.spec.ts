/**
 * External dependencies
 */
import { test, expect } from '@playwright/test';

/**
 * Internal dependencies
 */
import { shot } from '../support/screenshot';

test.describe( 'Key lifecycle', () => {
	test.use( { permissions: [ 'clipboard-read', 'clipboard-write' ] } );

	test( 'should create a service contact, set a key shown once, rotate and revoke it', async ( {
		page,
	} ) => {
		const name = `Zapier ${ Date.now() }`;
		const responses: string[] = [];
		page.on( 'response', async ( response ) => {
			if ( response.url().includes( '/civikey/v1/' ) ) {
				responses.push( await response.text().catch( () => '' ) );
			}
		} );

		await page.goto( '/wp-admin/tools.php?page=civikey' );

		// Create the service contact.
		await page
			.getByRole( 'button', { name: 'Create a service contact' } )
			.click();
		const create = page.getByRole( 'dialog', {
			name: 'Create a service contact',
		} );
		await create.getByLabel( 'Name' ).fill( name );
		await shot( page, 'create-contact' );
		await create.getByRole( 'button', { name: 'Create contact' } ).click();
		await expect(
			page.getByText(
				new RegExp(
					`Service contact ${ name } \\(contact #\\d+\\) created`
				)
			)
		).toBeVisible();
		await expect(
			page.getByText( 'No key', { exact: true } )
		).toBeVisible();

		// Generate and save a key.
		const generated = page.getByLabel( 'Generated key' );
		const key = await generated.inputValue();
		expect( key ).toMatch( /^[A-Za-z0-9]{32}$/ );
		await page.getByRole( 'button', { name: 'Save key…' } ).click();
		const confirmSave = page.getByRole( 'dialog' );
		await expect( confirmSave ).toContainText( name );
		await confirmSave.getByRole( 'button', { name: 'Save key' } ).click();

		// Shown once, with Copy.
		const shown = page.getByLabel( 'New API key' );
		await expect( shown ).toHaveValue( key );
		await expect( page.getByText( /will not see it again/ ) ).toBeVisible();
		await shot( page, 'key-shown-once', { scrollTo: 'Key saved on' } );
		await page.getByRole( 'button', { name: 'Copy key' } ).click();
		expect(
			await page.evaluate( () => navigator.clipboard.readText() )
		).toBe( key );
		await page
			.getByRole( 'button', { name: 'Done, I have copied it' } )
			.click();
		await expect( page.getByLabel( 'New API key' ) ).toHaveCount( 0 );
		await expect(
			page.getByText( `Key ending …${ key.slice( -4 ) } (32 characters)` )
		).toBeVisible();

		// After a reload only the fingerprint is left, and no response but the
		// one that set the key ever carried it.
		await page.reload();
		await page
			.getByRole( 'searchbox', { name: /search contacts/i } )
			.fill( name );
		await page
			.getByRole( 'button', { name: new RegExp( name ) } )
			.first()
			.click();
		await expect(
			page
				.getByText( `Key ending …${ key.slice( -4 ) } (32 characters)` )
				.first()
		).toBeVisible();
		expect( await page.content() ).not.toContain( key );
		expect( responses.some( ( body ) => body.includes( key ) ) ).toBe(
			false
		);

		// Rotate: confirmation warns what stops working.
		const rotated = await page.getByLabel( 'Generated key' ).inputValue();
		await page.getByRole( 'button', { name: 'Replace key…' } ).click();
		const confirmReplace = page.getByRole( 'dialog' );
		await expect( confirmReplace ).toContainText( name );
		await expect( confirmReplace ).toContainText(
			/stops working|stop working/
		);
		await shot( page, 'confirm-replace' );
		await confirmReplace
			.getByRole( 'button', { name: 'Replace key' } )
			.click();
		await expect( page.getByLabel( 'New API key' ) ).toHaveValue( rotated );
		await page
			.getByRole( 'button', { name: 'Done, I have copied it' } )
			.click();

		// Revoke.
		await page.getByRole( 'button', { name: 'Revoke key…' } ).click();
		const confirmRevoke = page.getByRole( 'dialog' );
		await expect( confirmRevoke ).toContainText( name );
		await confirmRevoke
			.getByRole( 'button', { name: 'Revoke key' } )
			.click();
		await expect(
			page.getByText( 'No key', { exact: true } )
		).toBeVisible();
	} );
} );

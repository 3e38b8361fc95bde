/**
 * External dependencies
 */
import { test, expect } from '@playwright/test';

/**
 * Internal dependencies
 */
import { shot } from '../support/screenshot';

test( 'should say why a fresh key would not work, fix it one click each, and prove it live', async ( {
	page,
} ) => {
	const name = `Service ${ Date.now() }`;
	await page.goto( '/wp-admin/tools.php?page=civikey' );

	// A fresh service contact with a key.
	await page
		.getByRole( 'button', { name: 'Create a service contact' } )
		.click();
	await page.getByRole( 'dialog' ).getByLabel( 'Name' ).fill( name );
	await page
		.getByRole( 'dialog' )
		.getByRole( 'button', { name: 'Create contact' } )
		.click();
	const key = await page.getByLabel( 'Generated key' ).inputValue();
	await page.getByRole( 'button', { name: 'Save key…' } ).click();
	await page
		.getByRole( 'dialog' )
		.getByRole( 'button', { name: 'Save key' } )
		.click();
	await expect( page.getByLabel( 'New API key' ) ).toHaveValue( key );

	// No user yet: the verdict says anonymous.
	const panel = page.getByRole( 'region', { name: 'Will this key work?' } );
	await expect( panel.getByRole( 'status' ).first() ).toContainText(
		/anonymous/i
	);

	await shot( page, 'will-it-work-anonymous', { scrollTo: 'Checks' } );

	// Fix 1: a WordPress user for the contact.
	await panel
		.getByRole( 'button', {
			name: 'Create a WordPress user for this contact',
		} )
		.click();
	const createUser = page.getByRole( 'dialog' );
	await expect( createUser ).toContainText( name );
	await createUser.getByRole( 'button', { name: 'Create user' } ).click();
	await expect( panel ).toContainText( /Requests run as the WordPress user/ );

	// Fix 2: a dedicated role with exactly what "Read contacts" needs.
	await panel
		.getByRole( 'button', { name: 'Give the user a dedicated role' } )
		.click();
	await page
		.getByRole( 'dialog' )
		.getByRole( 'button', { name: 'Give role' } )
		.click();
	await expect( panel.getByRole( 'status' ).first() ).toContainText(
		/works/i
	);

	// The live test, with the key still on screen.
	await page.getByRole( 'button', { name: 'Test this key now' } ).click();
	await expect(
		page.getByText( /Authenticated as contact \d+/ )
	).toBeVisible();
	await shot( page, 'will-it-work-fixed', { scrollTo: panel } );
	await shot( page, 'key-tested', { scrollTo: 'Permissions' } );
	await page
		.getByRole( 'button', { name: 'Done, I have copied it' } )
		.click();
} );

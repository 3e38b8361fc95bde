/**
 * External dependencies
 */
import { test, expect, type Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { shot } from '../support/screenshot';

async function pageOverflow( page: Page ): Promise< number > {
	return page.evaluate(
		() =>
			document.documentElement.scrollWidth -
			document.documentElement.clientWidth
	);
}

test.describe( 'At 390 px wide, by keyboard alone', () => {
	test.use( { viewport: { width: 390, height: 844 } } );

	test( 'should create a service contact and save a key without a mouse or sideways scrolling', async ( {
		page,
	} ) => {
		const name = `Phone ${ Date.now() }`;
		await page.goto( '/wp-admin/tools.php?page=civikey' );
		await expect(
			page.getByRole( 'region', { name: 'CiviCRM status' } )
		).toBeVisible();
		expect( await pageOverflow( page ) ).toBeLessThanOrEqual( 0 );

		// Keyboard only from here: focus moves with Tab, actions with Enter.
		const create = page.getByRole( 'button', {
			name: 'Create a service contact',
		} );
		await create.focus();
		await page.keyboard.press( 'Enter' );
		const dialog = page.getByRole( 'dialog' );
		await expect( dialog.getByLabel( 'Name' ) ).toBeFocused();
		await page.keyboard.type( name );
		await page.keyboard.press( 'Enter' );
		await expect(
			page.getByText( new RegExp( `Service contact ${ name }` ) )
		).toBeVisible();
		expect( await pageOverflow( page ) ).toBeLessThanOrEqual( 0 );

		const save = page.getByRole( 'button', { name: 'Save key…' } );
		await save.focus();
		await page.keyboard.press( 'Enter' );
		await expect( page.getByRole( 'dialog' ) ).toBeVisible();
		// The confirming button is reachable by Tab and works with Enter.
		const confirm = page
			.getByRole( 'dialog' )
			.getByRole( 'button', { name: 'Save key' } );
		await expect( async () => {
			await page.keyboard.press( 'Tab' );
			await expect( confirm ).toBeFocused( { timeout: 200 } );
		} ).toPass( { timeout: 5000 } );
		await expect( confirm ).toBeFocused();
		await page.keyboard.press( 'Enter' );

		const shown = page.getByLabel( 'New API key' );
		await expect( shown ).toHaveValue( /^[A-Za-z0-9]{32}$/ );
		await shot( page, 'small-screen', { scrollTo: 'Key saved on' } );
		expect( await pageOverflow( page ) ).toBeLessThanOrEqual( 0 );
		const done = page.getByRole( 'button', {
			name: 'Done, I have copied it',
		} );
		await done.focus();
		await page.keyboard.press( 'Enter' );
		await expect( shown ).toHaveCount( 0 );
	} );
} );

/**
 * External dependencies
 */
import { test, expect } from '@playwright/test';

test.describe( 'Tools → CiviKey', () => {
	test( 'should be reachable from the Tools menu and show the CiviCRM status', async ( {
		page,
	} ) => {
		await page.goto( '/wp-admin/' );
		await page.locator( '#menu-tools' ).hover();
		await page
			.locator( '#menu-tools' )
			.getByRole( 'link', { name: 'CiviKey' } )
			.click();

		await expect( page ).toHaveURL( /tools\.php\?page=civikey/ );
		await expect(
			page.getByRole( 'heading', { level: 1, name: 'CiviKey' } )
		).toBeVisible();
		const status = page.getByRole( 'region', { name: 'CiviCRM status' } );
		await expect( status ).toBeVisible();
		await expect( status ).toContainText( 'Ready' );
		await expect( status ).toContainText( 'AuthX' );
		await expect( status ).toContainText( 'Enabled' );
	} );
} );

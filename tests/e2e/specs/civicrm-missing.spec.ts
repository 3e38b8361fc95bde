/**
 * External dependencies
 */
import { test, expect, type Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { civicrmPluginName } from '../support/civicrm';
import { shot } from '../support/screenshot';

async function setCiviCrmActive( page: Page, active: boolean ) {
	await page.goto( '/wp-admin/plugins.php' );
	const action = active ? 'Activate' : 'Deactivate';
	const link = page.getByRole( 'link', {
		name: `${ action } ${ civicrmPluginName() }`,
	} );
	if ( await link.isVisible() ) {
		await link.click();
		await expect(
			page.getByText(
				active ? 'Plugin activated.' : 'Plugin deactivated.'
			)
		).toBeVisible();
	}
}

test.describe( 'First run without CiviCRM', () => {
	test.afterEach( async ( { page } ) => {
		await setCiviCrmActive( page, true );
	} );

	test( 'should explain that CiviCRM is needed instead of failing', async ( {
		page,
	} ) => {
		await setCiviCrmActive( page, false );

		const response = await page.goto( '/wp-admin/tools.php?page=civikey' );

		expect( response?.status() ).toBe( 200 );
		const status = page.getByRole( 'region', { name: 'CiviCRM status' } );
		await expect( status ).toContainText( 'Not found' );
		await expect( status ).toContainText(
			'Install and activate the CiviCRM plugin, then come back to this page.'
		);
		await expect( page.getByText( 'critical error' ) ).toHaveCount( 0 );
		await shot( page, 'civicrm-missing' );
	} );
} );

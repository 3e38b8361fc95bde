/**
 * External dependencies
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';

/**
 * Serious and critical axe-core violations inside CiviKey's part of the page
 * (WordPress's own admin chrome is not ours to fix).
 *
 * @param page Page.
 * @param what What is on screen, for the report.
 */
async function seriousViolations(
	page: Page,
	what: string
): Promise< string[] > {
	const results = await new AxeBuilder( { page } )
		.include( '.civikey-wrap' )
		.include( '.components-modal__screen-overlay' )
		.analyze();
	return results.violations
		.filter( ( violation ) =>
			[ 'serious', 'critical' ].includes( violation.impact ?? '' )
		)
		.map(
			( violation ) =>
				`${ what }: ${ violation.id } (${ violation.impact }) — ${ violation.nodes
					.map( ( node ) => node.target.join( ' ' ) )
					.join( ', ' ) }`
		);
}

test( 'should have no serious or critical accessibility violations on any view or dialog', async ( {
	page,
} ) => {
	const found: string[] = [];
	const name = `A11y ${ Date.now() }`;
	await page.goto( '/wp-admin/tools.php?page=civikey' );
	await expect(
		page.getByRole( 'region', { name: 'CiviCRM status' } )
	).toBeVisible();
	found.push( ...( await seriousViolations( page, 'Keys view' ) ) );

	await page
		.getByRole( 'button', { name: 'Create a service contact' } )
		.click();
	await expect( page.getByRole( 'dialog' ) ).toBeVisible();
	found.push(
		...( await seriousViolations( page, 'Create contact dialog' ) )
	);
	await page.getByRole( 'dialog' ).getByLabel( 'Name' ).fill( name );
	await page
		.getByRole( 'dialog' )
		.getByRole( 'button', { name: 'Create contact' } )
		.click();
	await expect( page.getByLabel( 'Generated key' ) ).toBeVisible();
	found.push(
		...( await seriousViolations(
			page,
			'Contact card, checks and key editor'
		) )
	);

	await page.getByRole( 'button', { name: 'Save key…' } ).click();
	await expect( page.getByRole( 'dialog' ) ).toBeVisible();
	found.push( ...( await seriousViolations( page, 'Save confirmation' ) ) );
	await page
		.getByRole( 'dialog' )
		.getByRole( 'button', { name: 'Save key' } )
		.click();
	await expect( page.getByLabel( 'New API key' ) ).toBeVisible();
	found.push( ...( await seriousViolations( page, 'New key shown once' ) ) );
	await page
		.getByRole( 'button', { name: 'Done, I have copied it' } )
		.click();

	await page.getByRole( 'button', { name: 'Revoke key…' } ).click();
	await expect( page.getByRole( 'dialog' ) ).toBeVisible();
	found.push( ...( await seriousViolations( page, 'Revoke confirmation' ) ) );
	await page.keyboard.press( 'Escape' );

	await page.getByRole( 'tab', { name: 'Inventory' } ).click();
	await expect(
		page.getByRole( 'heading', { name: 'Key inventory' } )
	).toBeVisible();
	found.push( ...( await seriousViolations( page, 'Inventory view' ) ) );

	await page.getByRole( 'tab', { name: 'Audit' } ).click();
	await expect(
		page.getByRole( 'heading', { name: 'Audit trail' } )
	).toBeVisible();
	found.push( ...( await seriousViolations( page, 'Audit view' ) ) );

	// eslint-disable-next-line no-console
	console.log(
		`Accessibility: 8 views and dialogs checked with axe-core, serious or critical violations: ${ found.length }`
	);
	expect( found ).toEqual( [] );
} );

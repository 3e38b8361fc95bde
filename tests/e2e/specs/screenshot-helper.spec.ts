/**
 * External dependencies
 */
import { test, expect } from '@playwright/test';

/**
 * Internal dependencies
 */
import { hideSecrets, restoreSecrets } from '../support/screenshot';

const KEY = 'Qx7TbM2pLw9ZkR4sVn8YcH3dJf6GtA1e';
const OTHER_KEY = 'AAAAbbbbCCCCdddd1111222233334444';

test( 'should hide every key on the page for a picture, and put the page back afterwards', async ( {
	page,
} ) => {
	await page.setContent( `
		<label for="shown">New API key</label>
		<input id="shown" value="${ KEY }" readonly>
		<input id="pasted" value="${ OTHER_KEY }">
		<input id="name" value="Zapier 1795452546439">
		<pre id="command">curl -H 'X-Civi-Auth: Bearer ${ KEY }' https://example.org/</pre>
		<p id="stray">Left over: ${ OTHER_KEY }.</p>
		<p id="plain">Key ending …4444 (32 characters), user service-1795452546439</p>
	` );

	await hideSecrets( page, [ 'New API key' ] );

	const security = ( id: string ) =>
		page
			.locator( `#${ id }` )
			.evaluate( ( element ) =>
				getComputedStyle( element ).getPropertyValue(
					'-webkit-text-security'
				)
			);
	expect( await security( 'shown' ) ).toBe( 'disc' );
	expect( await security( 'pasted' ) ).toBe( 'disc' );
	expect( await security( 'name' ) ).not.toBe( 'disc' );
	await expect( page.locator( '#command' ) ).not.toContainText( KEY );
	await expect( page.locator( '#command' ) ).toContainText(
		`Bearer ${ '•'.repeat( 32 ) }'`
	);
	// A key the page did not label is painted over by Playwright's mask.
	await expect( page.locator( '#stray' ) ).toHaveAttribute(
		'data-civikey-shot-mask',
		''
	);
	await expect( page.locator( '#plain' ) ).not.toHaveAttribute(
		'data-civikey-shot-mask'
	);

	await restoreSecrets( page );

	await expect( page.locator( '#command' ) ).toContainText( KEY );
	expect( await security( 'shown' ) ).not.toBe( 'disc' );
	await expect( page.locator( '[data-civikey-shot-mask]' ) ).toHaveCount( 0 );
	await expect( page.locator( '#shown' ) ).toHaveValue( KEY );
} );

/**
 * External dependencies
 */
import { chromium, type FullConfig } from '@playwright/test';

/**
 * Internal dependencies
 */
import { describeCiviCrm, setCiviCrmState } from './support/civicrm';

/**
 * Starts from a working CiviCRM (whatever an interrupted run left), says
 * which CiviCRM the tests run against, then logs the admin in once and saves
 * the session for every test.
 *
 * @param config Playwright configuration.
 */
export default async function globalSetup(
	config: FullConfig
): Promise< void > {
	const { baseURL, storageState, launchOptions } = config.projects[ 0 ].use;
	setCiviCrmState( 'ready' );
	const civicrm = describeCiviCrm();
	// eslint-disable-next-line no-console
	console.log(
		`E2E: CiviCRM ${ civicrm.kind } ${ civicrm.version } at ${ baseURL }${
			civicrm.kind === 'real'
				? ' (civicrm-core; WordPress side: tests/civicrm-core-bridge)'
				: ' (tests/civicrm-standin)'
		}`
	);
	const browser = await chromium.launch( launchOptions );
	const page = await browser.newPage( { baseURL } );
	await page.goto( '/wp-login.php' );
	await page
		.getByLabel( 'Username or Email Address' )
		.fill( process.env.CIVIKEY_ADMIN_USER ?? 'admin' );
	await page
		.getByLabel( 'Password', { exact: true } )
		.fill( process.env.CIVIKEY_ADMIN_PASSWORD ?? 'password' );
	await page.getByRole( 'button', { name: 'Log In' } ).click();
	await page.waitForURL( /wp-admin/ );
	await page.context().storageState( { path: storageState as string } );
	await browser.close();
}

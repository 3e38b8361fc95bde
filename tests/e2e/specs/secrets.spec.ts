/**
 * External dependencies
 */
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Internal dependencies
 */
import { STACK_DIR as stack, describeCiviCrm } from '../support/civicrm';

function readIfPresent( file: string, from = 0 ): string {
	return fs.existsSync( file )
		? fs.readFileSync( file ).subarray( from ).toString( 'utf8' )
		: '';
}

function sizeOf( file: string ): number {
	return fs.existsSync( file ) ? fs.statSync( file ).size : 0;
}

test( 'should never show an API key or the site key outside the one response that sets it', async ( {
	page,
} ) => {
	const { siteKey } = describeCiviCrm();
	expect( siteKey, 'CiviCRM has a site key' ).toMatch( /^\S{16,}$/ );

	// Only what is logged during this test counts; the stack may be older.
	const debugLog = path.join( stack, 'logs/debug.log' );
	const serverLog = path.join( stack, 'logs/php-server.log' );
	const logStart = { debug: sizeOf( debugLog ), server: sizeOf( serverLog ) };
	const bodies: string[] = [];
	page.on( 'response', async ( response ) => {
		const setsKey =
			response.request().method() === 'PUT' &&
			/\/key(\?|$)/.test( response.url() );
		const body = await response.text().catch( () => '' );
		bodies.push( setsKey ? '' : `${ response.url() }\n${ body }` );
	} );

	// Set a key through the screen, so that it exists and is known here.
	const name = `Secrets ${ Date.now() }`;
	await page.goto( '/wp-admin/tools.php?page=civikey' );
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
	await page
		.getByRole( 'button', { name: 'Done, I have copied it' } )
		.click();

	// Every screen CiviKey has, and Site Health, which runs its test.
	const pages: string[] = [];
	for ( const url of [
		'/wp-admin/tools.php?page=civikey',
		'/wp-admin/tools.php?page=civikey#inventory',
		'/wp-admin/tools.php?page=civikey#audit',
	] ) {
		await page.goto( url );
		await expect(
			page.getByRole( 'region', { name: 'CiviCRM status' } )
		).toBeVisible();
		pages.push( await page.content() );
	}
	const healthTest = page.waitForResponse( ( response ) =>
		response.url().includes( 'civikey/v1/site-health' )
	);
	await page.goto( '/wp-admin/site-health.php' );
	await healthTest;
	pages.push( await page.content() );

	const places: Record< string, string > = {
		'HTML of the pages': pages.join( '\n' ),
		'REST and page responses': bodies.join( '\n' ),
		'WordPress debug log': readIfPresent( debugLog, logStart.debug ),
		'web server log': readIfPresent( serverLog, logStart.server ),
	};
	const leaks = Object.entries( places ).flatMap( ( [ place, text ] ) =>
		[
			[ 'API key', key ],
			[ 'site key', siteKey as string ],
		]
			.filter( ( [ , secret ] ) => text.includes( secret ) )
			.map( ( [ what ] ) => `${ what } in ${ place }` )
	);
	// eslint-disable-next-line no-console
	console.log(
		`Secrets: searched ${ Object.keys( places ).length } places (${ bodies.length } responses, ${ pages.length } pages) for the key and the site key; leaks: ${ leaks.length }`
	);
	expect( leaks ).toEqual( [] );
} );

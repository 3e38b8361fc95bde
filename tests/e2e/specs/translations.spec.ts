/**
 * External dependencies
 */
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Internal dependencies
 */
import { makeJson } from '../support/make-json';

const ROOT = path.join( __dirname, '../../..' );
const WP_DIR =
	process.env.CIVIKEY_WP_DIR ?? path.join( ROOT, '.stack/wordpress' );
const LANGUAGES = path.join( WP_DIR, 'wp-content/languages' );

/** What the fake German translator translated, and where it is shown. */
const GERMAN = {
	// build/index.js
	Keys: 'Schlüssel',
	Inventory: 'Inventar',
	'CiviCRM status': 'CiviCRM-Status',
	// build/civikey-reports.js, loaded when the Inventory tab is opened
	'Key inventory': 'Schlüsselverzeichnis',
	// PHP: the page title
	'CiviKey: CiviCRM API keys': 'CiviKey: CiviCRM-API-Schlüssel',
};

/**
 * Fills in msgstr for a msgid, as a translator's editor would.
 *
 * @param po     PO file contents.
 * @param msgid  Source string.
 * @param msgstr Translation.
 * @return The PO file with the translation.
 */
function translate( po: string, msgid: string, msgstr: string ): string {
	const untranslated = `\nmsgid ${ JSON.stringify( msgid ) }\nmsgstr ""\n`;
	expect(
		po.split( untranslated ).length - 1,
		`"${ msgid }" once in the .pot`
	).toBe( 1 );
	return po.replace(
		untranslated,
		`\nmsgid ${ JSON.stringify( msgid ) }\nmsgstr ${ JSON.stringify(
			msgstr
		) }\n`
	);
}

/**
 * Installs a German language pack made the way translators' tools make one:
 * a PO file from the .pot (msginit), translated, then an MO file for PHP
 * (msgfmt) and a JSON file per built script (wp i18n make-json), in
 * wp-content/languages/plugins where WordPress installs language packs. An
 * empty core de_DE.mo, unless there is one, makes German a language
 * WordPress offers.
 *
 * @param work Scratch directory.
 * @return The files written, and the scripts JSON files were written for.
 */
function installGermanLanguagePack( work: string ): {
	files: string[];
	scripts: string[];
} {
	const po = path.join( work, 'civikey-de_DE.po' );
	execFileSync( 'msginit', [
		'--no-translator',
		'--locale=de_DE',
		`--input=${ path.join( ROOT, 'languages/civikey.pot' ) }`,
		`--output-file=${ po }`,
	] );
	let text = readFileSync( po, 'utf8' );
	for ( const [ english, german ] of Object.entries( GERMAN ) ) {
		text = translate( text, english, german );
	}
	writeFileSync( po, text );

	mkdirSync( path.join( LANGUAGES, 'plugins' ), { recursive: true } );
	const json = makeJson( po, path.join( LANGUAGES, 'plugins' ) );
	const files = [ ...json.values() ];
	const mo = path.join( LANGUAGES, 'plugins/civikey-de_DE.mo' );
	execFileSync( 'msgfmt', [ '-o', mo, po ] );
	files.push( mo );
	const coreMo = path.join( LANGUAGES, 'de_DE.mo' );
	if ( ! existsSync( coreMo ) ) {
		const corePo = path.join( work, 'de_DE.po' );
		writeFileSync(
			corePo,
			'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de_DE\\n"\n'
		);
		execFileSync( 'msgfmt', [ '-o', coreMo, corePo ] );
		files.push( coreMo );
	}
	return { files, scripts: [ ...json.keys() ].sort() };
}

/**
 * The REST nonce of the admin's CiviKey page.
 *
 * @param page The admin's page.
 * @return Nonce.
 */
async function restNonce( page: Page ): Promise< string > {
	await page.goto( '/wp-admin/tools.php?page=civikey' );
	return page.evaluate(
		() =>
			(
				window as unknown as {
					wp: { apiFetch: { nonceMiddleware?: { nonce: string } } };
				}
			 ).wp.apiFetch.nonceMiddleware?.nonce ?? ''
	);
}

/**
 * Deletes a user made by the test, giving anything they own to the admin.
 *
 * @param page   The admin's page.
 * @param userId User to delete; 0 for none.
 */
async function deleteUser( page: Page, userId: number ): Promise< void > {
	if ( ! userId ) {
		return;
	}
	const headers = { 'X-WP-Nonce': await restNonce( page ) };
	const me = await (
		await page.request.get( '/wp-json/wp/v2/users/me', { headers } )
	).json();
	await page.request.delete(
		`/wp-json/wp/v2/users/${ userId }?force=true&reassign=${ me.id }`,
		{ headers }
	);
}

test( 'should show the screen in German, the views loaded later too, once a German language pack is installed', async ( {
	page,
	browser,
}, testInfo ) => {
	const work = mkdtempSync( path.join( tmpdir(), 'civikey-l10n-' ) );
	let files: string[] = [];
	let userId = 0;
	try {
		const pack = installGermanLanguagePack( work );
		files = pack.files;
		expect( pack.scripts ).toEqual( [
			'build/civikey-reports.js',
			'build/index.js',
		] );

		// An administrator who reads WordPress in German.
		const password = randomBytes( 12 ).toString( 'hex' );
		const login = `translator_${ Date.now() }`;
		const made = await page.request.post( '/wp-json/wp/v2/users', {
			headers: { 'X-WP-Nonce': await restNonce( page ) },
			data: {
				username: login,
				email: `${ login }@example.org`,
				password,
				roles: [ 'administrator' ],
				locale: 'de_DE',
			},
		} );
		expect( made.status(), await made.text() ).toBe( 201 );
		userId = ( await made.json() ).id;

		const context = await browser.newContext( {
			baseURL: testInfo.project.use.baseURL,
			storageState: { cookies: [], origins: [] },
		} );
		const german = await context.newPage();
		await german.goto( '/wp-login.php' );
		await german.locator( '#user_login' ).fill( login );
		await german.locator( '#user_pass' ).fill( password );
		await german.locator( '#wp-submit' ).click();
		await german.waitForURL( /wp-admin/ );

		await german.goto( '/wp-admin/tools.php?page=civikey' );
		await expect( german ).toHaveTitle( /CiviKey: CiviCRM-API-Schlüssel/ );
		await expect(
			german.getByRole( 'region', { name: 'CiviCRM-Status' } )
		).toBeVisible();
		await expect(
			german.getByRole( 'tab', { name: 'Schlüssel', exact: true } )
		).toBeVisible();
		await expect(
			german.getByRole( 'tab', { name: 'Keys', exact: true } )
		).toHaveCount( 0 );

		// The Inventory view comes from build/civikey-reports.js, which
		// webpack loads only now.
		const chunk = german.waitForResponse( /civikey-reports\.js/ );
		await german.getByRole( 'tab', { name: 'Inventar' } ).click();
		await chunk;
		await expect(
			german.getByRole( 'heading', { name: 'Schlüsselverzeichnis' } )
		).toBeVisible();
		await expect(
			german.getByRole( 'heading', { name: 'Key inventory' } )
		).toHaveCount( 0 );
		await context.close();
	} finally {
		await deleteUser( page, userId );
		files.forEach( ( file ) => rmSync( file, { force: true } ) );
		rmSync( work, { recursive: true, force: true } );
	}
} );

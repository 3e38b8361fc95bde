/**
 * External dependencies
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The local stack the tests run against (bin/lib.sh). */
export const STACK_DIR =
	process.env.CIVIKEY_STACK_DIR ?? path.join( __dirname, '../../../.stack' );
export const WORDPRESS_DIR =
	process.env.CIVIKEY_WP_DIR ?? path.join( STACK_DIR, 'wordpress' );

/** Which CiviCRM the stack was started with (bin/start-wordpress.sh). */
export type CiviCrmKind = 'real' | 'standin';

/**
 * How CiviCRM can be: working, its plugin not active, active with its
 * installer never run, or (the stand-in only) started with every API call
 * failing. See civicrm-state.php for how each is made, and why the real
 * CiviCRM has no "failing".
 */
export type CiviCrmState = 'ready' | 'absent' | 'not_installed' | 'failing';

/**
 * The kind the stack records when it starts; a stack started before it did
 * ran the stand-in.
 */
export function civicrmKind(): CiviCrmKind {
	const file = path.join( STACK_DIR, 'civicrm' );
	const recorded = fs.existsSync( file )
		? fs.readFileSync( file, 'utf8' ).trim()
		: 'standin';
	if ( recorded !== 'real' && recorded !== 'standin' ) {
		throw new Error(
			`The stack at ${ STACK_DIR } runs without CiviCRM ("${ recorded }"); start it with CIVIKEY_CIVICRM=real or standin for the end-to-end tests.`
		);
	}
	return recorded;
}

/** The plugin's name on the Plugins screen. */
export function civicrmPluginName(): string {
	return civicrmKind() === 'real'
		? 'CiviCRM core bridge (TEST ONLY)'
		: 'CiviCRM stand-in (test double)';
}

/** Every state but working. */
export type CiviCrmOutage = Exclude< CiviCrmState, 'ready' >;

/**
 * The outages this stack's CiviCRM can be put in from outside a request.
 */
export function civicrmStates(): CiviCrmOutage[] {
	return civicrmKind() === 'real'
		? [ 'absent', 'not_installed' ]
		: [ 'absent', 'not_installed', 'failing' ];
}

function runStateScript( args: string[] ): string {
	return execFileSync(
		'php',
		[
			path.join( __dirname, 'civicrm-state.php' ),
			WORDPRESS_DIR,
			civicrmKind(),
			...args,
		],
		{ encoding: 'utf8' }
	);
}

/**
 * Puts the site's CiviCRM in a state; answers the state it is now in, read
 * back from the site.
 *
 * @param state State.
 */
export function setCiviCrmState( state: CiviCrmState ): string {
	return runStateScript( [ 'set', state ] );
}

/** What the tests need to know about a working CiviCRM. */
export interface CiviCrmDescription {
	kind: CiviCrmKind;
	version: string;
	/** A secret: look for it, never print it. */
	siteKey: string;
}

/**
 * Asks the site's CiviCRM, which must be ready, for its version and site key.
 */
export function describeCiviCrm(): CiviCrmDescription {
	return JSON.parse( runStateScript( [ 'describe' ] ) ) as CiviCrmDescription;
}

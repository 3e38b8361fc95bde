/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { SiteKeyHeader } from '../../api/types';

/** Stands for the API key wherever the real one may not be shown. */
export const API_KEY_PLACEHOLDER = 'YOUR_API_KEY';

/** Stands for the site key until the admin reveals it. */
export const SITE_KEY_PLACEHOLDER = 'YOUR_SITE_KEY';

/** APIv4 parameters of the example: five contacts, two fields. */
export const EXAMPLE_PARAMS = '{"select":["id","display_name"],"limit":5}';

/**
 * Quotes a value for a POSIX shell: single quotes, with any single quote
 * inside written as '\''.
 *
 * @param value Any text.
 * @return The quoted text.
 */
export function shellQuote( value: string ): string {
	return `'${ value.replace( /'/g, `'\\''` ) }'`;
}

/** What the example command is built from. */
export interface CurlCommandOptions {
	/** URL to call. */
	url: string;
	/** The real key while it is shown once; null for the placeholder. */
	apiKey: string | null;
	/** Whether AuthX wants the site key. */
	siteKeyHeader: SiteKeyHeader;
	/** The site key once revealed; null for the placeholder. */
	siteKey: string | null;
}

/**
 * The `X-Civi-Key` header, as a curl option.
 *
 * @param siteKey The site key, or null for the placeholder.
 * @return E.g. `-H 'X-Civi-Key: YOUR_SITE_KEY'`.
 */
function siteKeyOption( siteKey: string | null ): string {
	return `-H ${ shellQuote(
		`X-Civi-Key: ${ siteKey ?? SITE_KEY_PLACEHOLDER }`
	) }`;
}

/**
 * Lines a command starts with: a comment on the site key when AuthX wants it
 * only for some users.
 *
 * @param options Options.
 * @return Lines, possibly none.
 */
function preamble( options: CurlCommandOptions ): string[] {
	if ( options.siteKeyHeader !== 'depends_on_user' ) {
		return [];
	}
	return [
		'# ' +
			__(
				'If CiviCRM answers 401, its user lacks the “authenticate with api key” permission: add this option too:',
				'civikey'
			),
		`#   ${ siteKeyOption( options.siteKey ) }`,
	];
}

/**
 * Joins curl options into one command, one option a line.
 *
 * @param lines Lines of the command, each but the last continued with `\`.
 * @return The command.
 */
function continued( lines: string[] ): string {
	return lines
		.map( ( line, index ) =>
			index < lines.length - 1 ? `${ line } \\` : line
		)
		.join( '\n  ' );
}

/**
 * A ready-to-run APIv4 REST request listing five contacts.
 *
 * @param options Options.
 * @return The shell command.
 */
export function buildApi4Command( options: CurlCommandOptions ): string {
	const lines = [
		`curl -X POST ${ shellQuote( options.url ) }`,
		`-H ${ shellQuote(
			`X-Civi-Auth: Bearer ${ options.apiKey ?? API_KEY_PLACEHOLDER }`
		) }`,
	];
	if ( options.siteKeyHeader === 'required' ) {
		lines.push( siteKeyOption( options.siteKey ) );
	}
	lines.push(
		`--data-urlencode ${ shellQuote( `params=${ EXAMPLE_PARAMS }` ) }`
	);
	return [ ...preamble( options ), continued( lines ) ].join( '\n' );
}

/**
 * A GET request to AuthX's identity URL (`civicrm/authx/id`), which answers
 * with the contact and user the key logs in as.
 *
 * @param options Options (with `url` the identity URL).
 * @return The shell command.
 */
export function buildIdentityCommand( options: CurlCommandOptions ): string {
	const lines = [
		`curl ${ shellQuote( options.url ) }`,
		`-H ${ shellQuote(
			`X-Civi-Auth: Bearer ${ options.apiKey ?? API_KEY_PLACEHOLDER }`
		) }`,
	];
	if ( options.siteKeyHeader === 'required' ) {
		lines.push( siteKeyOption( options.siteKey ) );
	}
	return [ ...preamble( options ), continued( lines ) ].join( '\n' );
}

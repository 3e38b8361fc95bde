/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { MAX_KEY_LENGTH, MIN_KEY_LENGTH } from './constants';
import type { KeyProblem, KeyValidation } from './types';

const ALLOWED = /^[A-Za-z0-9]$/;

/** Beyond this many distinct characters, the rest are only counted. */
const MAX_LISTED = 8;

/**
 * U+ notation of a character, e.g. "U+00A0".
 *
 * @param character One code point.
 * @return The notation.
 */
function codePoint( character: string ): string {
	return (
		'U+' +
		( character.codePointAt( 0 ) ?? 0 )
			.toString( 16 )
			.toUpperCase()
			.padStart( 4, '0' )
	);
}

/**
 * Names a character the admin may not be able to see, or quotes one they can.
 *
 * @param character One code point that is not allowed in a key.
 * @return A translated description, e.g. "a space" or "“&”".
 */
export function describeCharacter( character: string ): string {
	switch ( character ) {
		case ' ':
			return __( 'a space', 'civikey' );
		case '\t':
			return __( 'a tab', 'civikey' );
		case '\n':
		case '\r':
		case '\u0085':
		case '\u2028':
		case '\u2029':
			return __( 'a line break', 'civikey' );
		case '\u00a0':
			return __( 'a non-breaking space', 'civikey' );
		case '\u200b':
			return __( 'a zero-width space', 'civikey' );
		case '\ufeff':
			return __( 'an invisible byte order mark (U+FEFF)', 'civikey' );
	}
	if ( /\s/u.test( character ) ) {
		return sprintf(
			/* translators: %s: Unicode code point, e.g. U+2003. */
			__( 'a space-like character (%s)', 'civikey' ),
			codePoint( character )
		);
	}
	if ( /[\p{C}\p{M}]/u.test( character ) ) {
		return sprintf(
			/* translators: %s: Unicode code point, e.g. U+200E. */
			__( 'an invisible character (%s)', 'civikey' ),
			codePoint( character )
		);
	}
	return sprintf(
		/* translators: %s: a character, shown between quotation marks. */
		__( '“%s”', 'civikey' ),
		character
	);
}

/**
 * Joins descriptions into a sentence fragment: "a, b and c".
 *
 * @param items Translated descriptions.
 * @return The list.
 */
function formatList( items: string[] ): string {
	if ( items.length < 2 ) {
		return items.join( '' );
	}
	return sprintf(
		/* translators: 1: items of a list separated by commas, 2: last item. */
		__( '%1$s and %2$s', 'civikey' ),
		items.slice( 1, -1 ).reduce(
			( list, item ) =>
				/* translators: 1: items of a list so far, 2: the next item. */
				sprintf( __( '%1$s, %2$s', 'civikey' ), list, item ),
			items[ 0 ]
		),
		items[ items.length - 1 ]
	);
}

/**
 * The problem with the characters of a key, if any.
 *
 * Characters with the same description (e.g. CR and LF, both "a line break")
 * are listed once, with how many times they occur when more than once.
 *
 * @param characters The key, split into code points.
 * @return The problem, or null when every character is allowed.
 */
function findCharactersProblem( characters: string[] ): KeyProblem | null {
	const offending = new Set< string >();
	const counts = new Map< string, number >();
	let count = 0;
	let atEdgesOnly = true;

	// Whitespace before the first and after the last other character.
	const isSpace = ( character: string ) => /\s/u.test( character );
	const firstOther = characters.findIndex( ( c ) => ! isSpace( c ) );
	let lastOther = characters.length - 1;
	while ( lastOther >= 0 && isSpace( characters[ lastOther ] ) ) {
		lastOther--;
	}

	characters.forEach( ( character, index ) => {
		if ( ALLOWED.test( character ) ) {
			return;
		}
		count++;
		offending.add( character );
		const description = describeCharacter( character );
		counts.set( description, ( counts.get( description ) ?? 0 ) + 1 );
		if ( index >= firstOther && index <= lastOther ) {
			atEdgesOnly = false;
		}
	} );

	if ( count === 0 ) {
		return null;
	}

	const described = Array.from( counts, ( [ description, times ] ) =>
		times > 1
			? sprintf(
					/* translators: 1: a character, e.g. "a space", 2: how many times it occurs. */
					_n(
						'%1$s (%2$d time)',
						'%1$s (%2$d times)',
						times,
						'civikey'
					),
					description,
					times
				)
			: description
	);
	const listed = described.slice( 0, MAX_LISTED );
	if ( described.length > MAX_LISTED ) {
		const others = described.length - MAX_LISTED;
		listed.push(
			sprintf(
				/* translators: %d: number of other distinct characters. */
				_n( '%d other', '%d others', others, 'civikey' ),
				others
			)
		);
	}

	let message: string = sprintf(
		/* translators: 1: number of characters, 2: list of them, e.g. "a space and “&”". */
		_n(
			'The key contains %1$d character that is not a letter or digit (A–Z, a–z, 0–9): %2$s.',
			'The key contains %1$d characters that are not letters or digits (A–Z, a–z, 0–9): %2$s.',
			count,
			'civikey'
		),
		count,
		formatList( listed )
	);
	if ( atEdgesOnly && characters.length > count ) {
		message +=
			' ' +
			__(
				'They are at the start or end of the key, which often happens when copying: remove them.',
				'civikey'
			);
	}

	return {
		code: 'characters',
		message,
		count,
		characters: Array.from( offending ),
	};
}

/**
 * The problem with the length of a key, if any.
 *
 * @param length Number of characters (code points).
 * @return The problem, or null when the length is allowed.
 */
function findLengthProblem( length: number ): KeyProblem | null {
	if ( length < MIN_KEY_LENGTH ) {
		const by = MIN_KEY_LENGTH - length;
		return {
			code: 'too_short',
			length,
			by,
			message: sprintf(
				/* translators: 1: characters missing, 2: the key's length, 3: minimum length. */
				_n(
					'The key is %1$d character too short: it has %2$d and needs at least %3$d.',
					'The key is %1$d characters too short: it has %2$d and needs at least %3$d.',
					by,
					'civikey'
				),
				by,
				length,
				MIN_KEY_LENGTH
			),
		};
	}
	if ( length > MAX_KEY_LENGTH ) {
		const by = length - MAX_KEY_LENGTH;
		return {
			code: 'too_long',
			length,
			by,
			message: sprintf(
				/* translators: 1: characters too many, 2: the key's length, 3: maximum length. */
				_n(
					'The key is %1$d character too long: it has %2$d, and CiviCRM stores at most %3$d.',
					'The key is %1$d characters too long: it has %2$d, and CiviCRM stores at most %3$d.',
					by,
					'civikey'
				),
				by,
				length,
				MAX_KEY_LENGTH
			),
		};
	}
	return null;
}

/**
 * Checks a key against the rules the server applies: letters and digits only
 * (A–Z, a–z, 0–9), 20 to 32 characters. Unlike the server, it reports every
 * problem at once, and names the characters that are not allowed.
 *
 * Uniqueness and "not the site key" need the server and are checked there.
 *
 * @param key Candidate key, exactly as typed or pasted.
 * @return `{ valid: true }`, or the problems, each with a sentence to act on.
 */
export function validateKey( key: string ): KeyValidation {
	if ( key === '' ) {
		return {
			valid: false,
			problems: [
				{
					code: 'empty',
					message: __( 'Enter a key, or generate one.', 'civikey' ),
				},
			],
		};
	}

	const characters = Array.from( key );
	const problems = [
		findCharactersProblem( characters ),
		findLengthProblem( characters.length ),
	].filter( ( problem ): problem is KeyProblem => problem !== null );

	return problems.length === 0 ? { valid: true } : { valid: false, problems };
}

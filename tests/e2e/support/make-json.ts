/**
 * External dependencies
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One entry of a PO file. */
export interface PoEntry {
	context?: string;
	msgid: string;
	plural?: string;
	/** msgstr, or msgstr[0], msgstr[1]… */
	translations: string[];
	/** Files of the `#:` references, without line numbers. */
	references: string[];
	fuzzy: boolean;
}

/**
 * Reads a PO string literal: "…" with C escapes.
 *
 * @param literal The quoted text.
 * @return The text.
 */
function unquote( literal: string ): string {
	return JSON.parse( literal.replace( /\\'/g, "'" ) ) as string;
}

/**
 * Parses a PO file: enough of the format for what xgettext and msginit
 * write (contexts, plurals, multi-line strings, references, flags).
 *
 * @param text Contents of the PO file.
 * @return Entries, the header first (msgid "").
 */
export function parsePo( text: string ): PoEntry[] {
	const entries: PoEntry[] = [];
	for ( const block of text.split( /\n\s*\n/ ) ) {
		const entry: PoEntry = {
			msgid: '',
			translations: [],
			references: [],
			fuzzy: false,
		};
		let field: string | null = null;
		let index = 0;
		const append = ( value: string ) => {
			if ( field === 'msgctxt' ) {
				entry.context = ( entry.context ?? '' ) + value;
			} else if ( field === 'msgid' ) {
				entry.msgid += value;
			} else if ( field === 'msgid_plural' ) {
				entry.plural = ( entry.plural ?? '' ) + value;
			} else if ( field === 'msgstr' ) {
				entry.translations[ index ] =
					( entry.translations[ index ] ?? '' ) + value;
			}
		};
		let seen = false;
		for ( const line of block.split( '\n' ) ) {
			if ( line.startsWith( '#:' ) ) {
				entry.references.push(
					...line
						.slice( 2 )
						.trim()
						.split( /\s+/ )
						.map( ( reference ) =>
							reference.replace( /:\d+$/, '' )
						)
				);
				continue;
			}
			if ( line.startsWith( '#,' ) ) {
				entry.fuzzy ||= /\bfuzzy\b/.test( line );
				continue;
			}
			if ( line.startsWith( '#' ) || line.trim() === '' ) {
				continue;
			}
			const keyword =
				/^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*")$/.exec(
					line
				);
			if ( keyword ) {
				field = keyword[ 1 ];
				index = Number( keyword[ 2 ] ?? 0 );
				seen = true;
				append( unquote( keyword[ 3 ] ) );
			} else if ( line.startsWith( '"' ) ) {
				append( unquote( line ) );
			}
		}
		if ( seen ) {
			entries.push( entry );
		}
	}
	return entries;
}

/**
 * What `wp i18n make-json <po> <destination> --no-purge` does, as
 * translators and translate.wordpress.org run it (wp-cli/i18n-command,
 * src/MakeJsonCommand.php): one Jed 1.x JSON file per `.js` file the PO
 * file's references name, holding the translated strings found there, named
 * `<PO file name>-<md5 of the .js path>.json`. WordPress looks for exactly
 * that name, from the path of the script it prints (load_script_textdomain
 * in wp-includes/l10n.php).
 *
 * @param poFile      Path to e.g. civikey-de_DE.po.
 * @param destination Directory for the JSON files.
 * @return The files written, by the script path they are for.
 */
export function makeJson(
	poFile: string,
	destination: string
): Map< string, string > {
	const [ header, ...entries ] = parsePo( readFileSync( poFile, 'utf8' ) );
	const headers = new Map(
		header.translations[ 0 ]
			.split( '\n' )
			.filter( ( line ) => line.includes( ':' ) )
			.map( ( line ) => [
				line.slice( 0, line.indexOf( ':' ) ).trim(),
				line.slice( line.indexOf( ':' ) + 1 ).trim(),
			] )
	);
	const byScript = new Map< string, Record< string, string[] > >();
	for ( const entry of entries ) {
		if ( entry.fuzzy || ! entry.translations.some( Boolean ) ) {
			continue;
		}
		const scripts = new Set(
			entry.references
				.map( ( file ) => file.replace( /\.min\.js$/, '.js' ) )
				.filter( ( file ) => file.endsWith( '.js' ) )
		);
		const key =
			entry.context === undefined
				? entry.msgid
				: `${ entry.context }\u0004${ entry.msgid }`;
		for ( const script of scripts ) {
			const messages = byScript.get( script ) ?? {};
			messages[ key ] = entry.translations;
			byScript.set( script, messages );
		}
	}

	const base = path.basename( poFile, '.po' );
	const written = new Map< string, string >();
	for ( const [ script, messages ] of byScript ) {
		const file = path.join(
			destination,
			`${ base }-${ createHash( 'md5' )
				.update( script )
				.digest( 'hex' ) }.json`
		);
		const jed = {
			'translation-revision-date':
				headers.get( 'PO-Revision-Date' ) ?? '',
			generator: 'CiviKey tests (the algorithm of wp i18n make-json)',
			source: script,
			domain: 'messages',
			locale_data: {
				messages: {
					'': {
						domain: 'messages',
						lang: headers.get( 'Language' ) ?? '',
						'plural-forms':
							headers.get( 'Plural-Forms' ) ??
							'nplurals=2; plural=(n != 1);',
					},
					...messages,
				},
			},
		};
		writeFileSync( file, JSON.stringify( jed ) );
		written.set( script, file );
	}
	return written;
}

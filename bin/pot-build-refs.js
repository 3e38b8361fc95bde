#!/usr/bin/env node
/**
 * Adds to each TypeScript string of a .pot file the built script it ends up
 * in: `#: build/index.js:1`, or `#: build/civikey-reports.js:1` for the
 * views webpack loads later.
 *
 * WordPress looks up a script's translations by the script's own path (a
 * JSON file named after md5( 'build/index.js' )), and `wp i18n make-json`,
 * as translators and translate.wordpress.org run it, writes one JSON file
 * per `.js` reference of the PO file. References to src/*.tsx alone would
 * give no JSON file at all. The src/ references stay, for translators.
 *
 * Which source file went into which script comes from webpack's own stats
 * (`wp-scripts build --json=stats.json`), so the mapping follows the code.
 *
 * Usage: node bin/pot-build-refs.js <pot file> <webpack stats.json>
 */
const fs = require( 'fs' );

const [ potFile, statsFile ] = process.argv.slice( 2 );
if ( ! potFile || ! statsFile ) {
	process.stderr.write(
		'Usage: node bin/pot-build-refs.js <pot file> <stats.json>\n'
	);
	process.exit( 2 );
}

/**
 * Source file → built scripts, from the stats' chunks. Concatenated modules
 * list their parts in `modules`.
 *
 * @param {Object} stats webpack stats.
 * @return {Map<string, Set<string>>} E.g. src/components/app/index.tsx →
 *                                   { build/index.js }.
 */
function sourcesToScripts( stats ) {
	const map = new Map();
	for ( const chunk of stats.chunks ) {
		const scripts = chunk.files
			.map( ( file ) => file.replace( /\?.*$/, '' ) )
			.filter( ( file ) => file.endsWith( '.js' ) )
			.map( ( file ) => `build/${ file }` );
		const visit = ( modules ) => {
			for ( const module of modules || [] ) {
				const source = /^\.\/(src\/[^ !]+\.[jt]sx?)$/.exec(
					module.name
				);
				if ( source ) {
					const known = map.get( source[ 1 ] ) || new Set();
					scripts.forEach( ( script ) => known.add( script ) );
					map.set( source[ 1 ], known );
				}
				visit( module.modules );
			}
		};
		visit( chunk.modules );
	}
	return map;
}

const map = sourcesToScripts( JSON.parse( fs.readFileSync( statsFile ) ) );
if ( map.size === 0 ) {
	process.stderr.write( `No source files found in ${ statsFile }\n` );
	process.exit( 1 );
}

// Entries are separated by blank lines; references are `#: file:line …`.
const unmapped = new Set();
const entries = fs
	.readFileSync( potFile, 'utf8' )
	.split( /\n\n/ )
	.map( ( entry ) => {
		const lines = entry.split( '\n' );
		const scripts = new Set();
		for ( const line of lines.filter( ( l ) => l.startsWith( '#: ' ) ) ) {
			for ( const reference of line.slice( 3 ).split( /\s+/ ) ) {
				const file = reference.replace( /:\d+$/, '' );
				if ( ! /^src\/.*\.[jt]sx?$/.test( file ) ) {
					continue;
				}
				if ( ! map.has( file ) ) {
					unmapped.add( file );
					continue;
				}
				map.get( file ).forEach( ( script ) => scripts.add( script ) );
			}
		}
		if ( scripts.size === 0 ) {
			return entry;
		}
		const last = lines.reduce(
			( found, line, index ) =>
				line.startsWith( '#: ' ) ? index : found,
			-1
		);
		const added = `#: ${ [ ...scripts ]
			.sort()
			.map( ( script ) => `${ script }:1` )
			.join( ' ' ) }`;
		lines.splice( last + 1, 0, added );
		return lines.join( '\n' );
	} );

if ( unmapped.size ) {
	// A file with strings that no script contains: dead code, or a file the
	// build does not reach. Its strings would never be shown translated.
	process.stderr.write(
		`Not in any built script: ${ [ ...unmapped ].sort().join( ', ' ) }\n`
	);
	process.exit( 1 );
}
fs.writeFileSync( potFile, entries.join( '\n\n' ) );

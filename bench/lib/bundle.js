/**
 * The admin screen's script size, as bin/check-bundle.sh (the budget check
 * in `npm test`) measures it: that script is run and its line read, so the
 * bench and the test can never disagree on how bytes are counted.
 */

const { spawnSync } = require( 'node:child_process' );
const path = require( 'node:path' );

const LINE =
	/build\/index\.js: (\d+) bytes, (\d+) bytes gzipped \(budget (\d+)\); lazy chunks: (\d+) bytes gzipped/;

/**
 * Reads check-bundle.sh's report line.
 *
 * @param {string} output What the script printed.
 * @return {{bytes: number, gzip_bytes: number, gzip_budget_bytes: number, lazy_chunks_gzip_bytes: number}|null} Sizes, or null without such a line.
 */
function parseBundleLine( output ) {
	const match = LINE.exec( output );
	if ( ! match ) {
		return null;
	}
	const [ , bytes, gzipBytes, budget, lazy ] = match.map( Number );
	return {
		bytes,
		gzip_bytes: gzipBytes,
		gzip_budget_bytes: budget,
		lazy_chunks_gzip_bytes: lazy,
	};
}

/**
 * Runs bin/check-bundle.sh.
 *
 * @param {string} rootDir Checkout.
 * @return {Object} Sizes and whether the budget holds.
 */
function measureBundle( rootDir ) {
	const run = spawnSync(
		'bash',
		[ path.join( rootDir, 'bin/check-bundle.sh' ) ],
		{ encoding: 'utf8' }
	);
	const sizes = parseBundleLine( `${ run.stdout }\n${ run.stderr }` );
	if ( ! sizes ) {
		throw new Error(
			`bin/check-bundle.sh printed no sizes: ${ run.stdout }${ run.stderr }`
		);
	}
	return { ...sizes, within_budget: run.status === 0 };
}

module.exports = { measureBundle, parseBundleLine };

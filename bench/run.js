/**
 * `npm run bench` (through bin/bench.sh, which starts and seeds the stack and
 * installs the bench mu-plugin): measures, prints the table and writes
 * bench/results.json.
 *
 * Settings (environment): CIVIKEY_BENCH_LOADS (admin page loads per page,
 * default 20); for each route and number of clients, CIVIKEY_BENCH_SEARCH_MIN_SECONDS
 * (10), CIVIKEY_BENCH_SEARCH_REQUESTS (40) and CIVIKEY_BENCH_SEARCH_MAX_SECONDS (30):
 * at least the minimum, then until that many requests or the maximum;
 * CIVIKEY_BENCH_LEVELS (concurrent clients, default 1,4,16),
 * CIVIKEY_BENCH_INVENTORY_REQUESTS (per page size, default 20).
 */

const fs = require( 'node:fs' );
const os = require( 'node:os' );
const path = require( 'node:path' );
const { logIn, getRest } = require( './lib/session' );
const { measureAdminPages } = require( './lib/admin-pages' );
const { measureBundle } = require( './lib/bundle' );
const { measureSearch } = require( './lib/search-load' );
const { measureInventory } = require( './lib/inventory' );
const { formatReport } = require( './lib/report' );
const { roundMs, roundRatio } = require( './lib/stats' );

/**
 * A whole number from the environment.
 *
 * @param {string} name     Variable.
 * @param {number} fallback Default.
 * @return {number} Value.
 */
function setting( name, fallback ) {
	const value = Number.parseInt( process.env[ name ] ?? '', 10 );
	return Number.isInteger( value ) && value > 0 ? value : fallback;
}

/**
 * Rounds every figure for the JSON file, as the table does: ratios (anything
 * under a key such as civikey_ratio_to; "ratio_", since "duration" holds
 * "ratio" too) to two decimals, the rest, milliseconds and seconds, to 0.1
 * below 100 and to whole numbers above.
 *
 * @param {*}       value   Any part of the results.
 * @param {boolean} isRatio Whether it sits under a ratio key.
 * @return {*} Rounded copy.
 */
function rounded( value, isRatio = false ) {
	if ( Array.isArray( value ) ) {
		return value.map( ( item ) => rounded( item, isRatio ) );
	}
	if ( value && typeof value === 'object' ) {
		return Object.fromEntries(
			Object.entries( value ).map( ( [ key, item ] ) => [
				key,
				rounded( item, isRatio || key.includes( 'ratio_' ) ),
			] )
		);
	}
	if ( typeof value === 'number' && ! Number.isInteger( value ) ) {
		return isRatio ? roundRatio( value ) : roundMs( value );
	}
	return value;
}

async function main() {
	const rootDir = path.resolve( __dirname, '..' );
	const siteUrl = process.env.SITE_URL ?? 'http://127.0.0.1:8889';
	const state = JSON.parse(
		fs.readFileSync( process.env.CIVIKEY_BENCH_STATE, 'utf8' )
	);
	const startedAt = new Date();
	const started = performance.now();
	const log = ( line ) => process.stderr.write( `[bench] ${ line }\n` );
	const loadAverage = () => os.loadavg()[ 0 ].toFixed( 2 );

	const session = await logIn(
		siteUrl,
		process.env.ADMIN_USER ?? 'admin',
		process.env.ADMIN_PASSWORD ?? 'password'
	);
	// Which CiviCRM the site runs, as CiviKey itself reports it.
	const { body: status } = await getRest(
		siteUrl,
		session,
		'/civikey/v1/status'
	);
	if ( status.civicrm.state !== 'ready' || ! status.access.can_manage_keys ) {
		throw new Error(
			`CiviKey is not ready to manage keys here: ${ JSON.stringify( status ) }`
		);
	}
	const machine = {
		cores: os.cpus().length,
		load_average_start: loadAverage(),
	};

	const bundle = measureBundle( rootDir );
	const admin = await measureAdminPages( {
		siteUrl,
		cookies: session.cookies,
		loads: setting( 'CIVIKEY_BENCH_LOADS', 20 ),
		warmups: 2,
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		log,
	} );
	const search = await measureSearch( {
		siteUrl,
		session,
		levels: ( process.env.CIVIKEY_BENCH_LEVELS ?? '1,4,16' )
			.split( ',' )
			.map( Number ),
		sampling: {
			minSeconds: setting( 'CIVIKEY_BENCH_SEARCH_MIN_SECONDS', 10 ),
			maxSeconds: setting( 'CIVIKEY_BENCH_SEARCH_MAX_SECONDS', 30 ),
			requests: setting( 'CIVIKEY_BENCH_SEARCH_REQUESTS', 40 ),
		},
		log,
	} );
	const inventory = await measureInventory( {
		siteUrl,
		session,
		pageSizes: [ 10, 50, 100 ],
		requests: setting( 'CIVIKEY_BENCH_INVENTORY_REQUESTS', 20 ),
		log,
	} );
	machine.load_average_end = loadAverage();

	const results = rounded( {
		started_at: startedAt.toISOString().replace( /\.\d+Z$/, 'Z' ),
		duration_s: ( performance.now() - started ) / 1000,
		site: {
			url: siteUrl,
			wordpress: state.wordpress,
			php: state.php,
			php_workers: setting( 'CIVIKEY_PHP_WORKERS', 8 ),
			civicrm: {
				...state.civicrm,
				status_route_version: status.civicrm.version,
			},
			contacts: state.contacts,
		},
		machine,
		admin_pages: admin,
		bundle,
		search,
		inventory,
	} );
	const file = path.join( rootDir, 'bench', 'results.json' );
	fs.writeFileSync( file, JSON.stringify( results, null, '\t' ) + '\n' );
	process.stdout.write(
		`\n${ formatReport( results ) }\n\n  Results: ${ path.relative( process.cwd(), file ) }\n`
	);
}

main().catch( ( error ) => {
	process.stderr.write( `[bench] error: ${ error.message }\n` );
	process.exit( 1 );
} );

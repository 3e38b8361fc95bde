/**
 * The table `npm run bench` prints, from the results it writes to
 * bench/results.json.
 */

const { roundMs } = require( './stats' );

const number = new Intl.NumberFormat( 'en-US' );
const LABEL_WIDTH = 40;

/**
 * Milliseconds for the table.
 *
 * @param {number|null} value Milliseconds.
 * @return {string} Text.
 */
function ms( value ) {
	return value === null ? '–' : String( roundMs( value ) );
}

/**
 * A ratio for the table.
 *
 * @param {number|null} value Ratio.
 * @return {string} Text, e.g. "1.25×".
 */
function times( value ) {
	return value === null ? '–' : `${ value.toFixed( 2 ) }×`;
}

/**
 * One row: a label and right-aligned cells.
 *
 * @param {string}   label Row label.
 * @param {string[]} cells Cells.
 * @param {number}   width Width of each cell.
 * @return {string} The row.
 */
function row( label, cells, width = 9 ) {
	return `  ${ label.padEnd( LABEL_WIDTH ) }${ cells.map( ( cell ) => cell.padStart( width ) ).join( '' ) }`;
}

/**
 * Which CiviCRM, in words.
 *
 * @param {Object} civicrm State from bench/fixtures.php.
 * @return {string} Description.
 */
function describeCivicrm( civicrm ) {
	if ( civicrm.state !== 'ready' ) {
		return `not ready (${ civicrm.state })`;
	}
	return civicrm.standin
		? `the stand-in (test double) reporting ${ civicrm.version }, not the real CiviCRM`
		: `real CiviCRM ${ civicrm.version }`;
}

/**
 * The whole table.
 *
 * @param {Object} results What run.js gathered.
 * @return {string} Lines to print.
 */
function formatReport( results ) {
	const {
		site,
		machine,
		admin_pages: admin,
		bundle,
		search,
		inventory,
	} = results;
	const lines = [];
	lines.push(
		`CiviKey bench, ${ results.started_at } (${ Math.round( results.duration_s ) } s)`
	);
	lines.push(
		`  Site:     ${ site.url }, WordPress ${ site.wordpress }, PHP ${ site.php }, PHP's built-in server with ${ site.php_workers } workers`
	);
	lines.push( `  CiviCRM:  ${ describeCivicrm( site.civicrm ) }` );
	lines.push(
		`  Data:     ${ number.format( site.contacts.total ) } contacts (${ number.format( site.contacts.seeded ) } seeded), ` +
			`${ number.format( site.contacts.keyed ) } with keys; the first ${ site.contacts.first_linked } keyed contacts have linked users`
	);
	lines.push(
		`  Machine:  ${ machine.cores } cores; load average ${ machine.load_average_start } at start, ${ machine.load_average_end } at end`
	);
	lines.push( '' );

	lines.push(
		row(
			`Admin page (median of ${ admin.pages[ 0 ].loads } loads)`,
			[ 'TTFB ms', 'usable ms' ],
			11
		)
	);
	for ( const page of admin.pages ) {
		lines.push(
			row(
				page.label,
				[ ms( page.ttfb_ms_median ), ms( page.usable_ms_median ) ],
				11
			)
		);
	}
	for ( const page of admin.pages.slice( 1 ) ) {
		const ratios = admin.civikey_ratio_to[ page.name ];
		lines.push(
			row(
				`CiviKey ÷ ${ page.label.split( ' (' )[ 0 ] }`,
				[ times( ratios.ttfb ), times( ratios.usable ) ],
				11
			)
		);
	}
	lines.push( '' );

	const budgetShare = Math.round(
		( 100 * bundle.gzip_bytes ) / bundle.gzip_budget_bytes
	);
	lines.push(
		`  Bundle: build/index.js ${ number.format( bundle.bytes ) } bytes, ${ number.format( bundle.gzip_bytes ) } gzipped ` +
			`(${ budgetShare }% of the ${ number.format( bundle.gzip_budget_bytes ) } budget${ bundle.within_budget ? '' : ', OVER BUDGET' }); ` +
			`lazy chunks (Inventory and Audit, the guided setup, the usage help) ${ number.format( bundle.lazy_chunks_gzip_bytes ) } gzipped, each loaded on first use`
	);
	lines.push( '' );

	const levels = search.levels;
	lines.push(
		row(
			'Search, ms per request',
			levels.map(
				( level ) =>
					`${ level.concurrency } client${ level.concurrency > 1 ? 's' : '' }`
			),
			18
		)
	);
	lines.push(
		row(
			'',
			levels.flatMap( () => [ 'p50', 'p95' ] )
		)
	);
	const label = {
		contacts: 'CiviKey /civikey/v1/contacts',
		users: 'WordPress /wp/v2/users',
		floor: 'Floor: boot + civicrm_initialize()',
	};
	for ( const name of [ 'contacts', 'users', 'floor' ] ) {
		lines.push(
			row(
				label[ name ],
				levels.flatMap( ( level ) => [
					ms( level.routes[ name ].p50_ms ),
					ms( level.routes[ name ].p95_ms ),
				] )
			)
		);
	}
	lines.push(
		row(
			'CiviKey − floor (ms)',
			levels.flatMap( ( level ) => [
				ms( level.contacts_above_floor_ms.p50 ),
				ms( level.contacts_above_floor_ms.p95 ),
			] )
		)
	);
	lines.push(
		row(
			'CiviKey ÷ floor',
			levels.flatMap( ( level ) => [
				times( level.contacts_ratio_to.floor.p50 ),
				times( level.contacts_ratio_to.floor.p95 ),
			] )
		)
	);
	lines.push(
		row(
			'CiviKey ÷ WordPress users',
			levels.flatMap( ( level ) => [
				times( level.contacts_ratio_to.users.p50 ),
				times( level.contacts_ratio_to.users.p95 ),
			] )
		)
	);
	lines.push(
		row(
			'Requests (contacts/users/floor)',
			levels.map(
				( level ) =>
					`${ level.routes.contacts.requests }/${ level.routes.users.requests }/${ level.routes.floor.requests }`
			),
			18
		)
	);
	const q = search.queries_per_request;
	const describeQueries = ( counts ) =>
		counts.civicrm === null
			? `${ counts.wordpress } WordPress`
			: `${ counts.wordpress } WordPress + ${ counts.civicrm } CiviCRM`;
	lines.push(
		`  Queries per request: contacts ${ describeQueries( q.contacts ) }; users ${ describeQueries( q.users ) }; floor ${ describeQueries( q.floor ) }`
	);
	lines.push( '' );

	lines.push(
		row(
			`Inventory of ${ number.format( inventory.sizes[ 0 ].keyed_contacts ) } keys: rows per page`,
			[ 'median ms', 'p95 ms' ],
			11
		) + '   queries: WordPress + CiviCRM'
	);
	for ( const size of inventory.sizes ) {
		const counts = size.queries_page_1;
		lines.push(
			row(
				`  ${ size.per_page }`,
				[ ms( size.median_ms ), ms( size.p95_ms ) ],
				11
			) +
				`   ${ counts.wordpress } + ${ counts.civicrm === null ? 'unknown' : `${ counts.civicrm } = ${ counts.total }` }`
		);
	}
	lines.push(
		`  Queries for page 1 (every row with a linked user) the same at ${ inventory.sizes.map( ( size ) => size.per_page ).join( ', ' ) } rows: ${ inventory.queries_same_at_every_size ? 'yes' : 'NO' }`
	);
	lines.push(
		`  Queries on every timed page (most rows without a user): ${ Math.min( ...inventory.sizes.map( ( size ) => size.queries_min ) ) } to ${ Math.max( ...inventory.sizes.map( ( size ) => size.queries_max ) ) }`
	);
	return lines.join( '\n' );
}

module.exports = { formatReport };

/**
 * The inventory: pages of the keyed contacts, at several page sizes, one
 * request at a time. Time is measured by the client; the query counts come
 * from the bench mu-plugin's headers and cover the whole request: every
 * query WordPress's $wpdb ran and every statement on CiviCRM's own
 * connection (the stand-in's; real CiviCRM's is not counted).
 *
 * Page 1 is where bench/fixtures.php gave each keyed contact a WordPress
 * user, so its counts include the linked-user lookups; the timed pages are
 * spread over the whole inventory.
 */

const { median, percentile } = require( './stats' );
const { getRest } = require( './session' );

/**
 * Reads the query counts of one response.
 *
 * @param {Headers} headers Response headers.
 * @return {{wordpress: number, civicrm: number|null, total: number|null}} Counts.
 */
function queryCounts( headers ) {
	const wordpress = Number( headers.get( 'x-civikey-bench-wp-queries' ) );
	const civicrmHeader = headers.get( 'x-civikey-bench-civicrm-queries' );
	if ( civicrmHeader === null || Number.isNaN( wordpress ) ) {
		throw new Error(
			'The inventory answered without the bench headers: is bench/mu-plugin/civikey-bench.php in wp-content/mu-plugins?'
		);
	}
	const civicrm =
		civicrmHeader === 'unknown' ? null : Number( civicrmHeader );
	return {
		wordpress,
		civicrm,
		total: civicrm === null ? null : wordpress + civicrm,
	};
}

/**
 * Times pages of each size and counts their queries.
 *
 * @param {Object}   options
 * @param {string}   options.siteUrl   Site URL.
 * @param {Object}   options.session   Admin session.
 * @param {number[]} options.pageSizes e.g. [10, 50, 100].
 * @param {number}   options.requests  Timed requests per size.
 * @param {Function} options.log       Progress printer.
 * @return {Promise<Object>} Per size: time and queries; whether the count stays the same.
 */
async function measureInventory( {
	siteUrl,
	session,
	pageSizes,
	requests,
	log,
} ) {
	// Page 1 of each size first: it checks the answer, reads the queries of
	// a page whose rows all have linked users, and warms the caches.
	const sizes = [];
	for ( const perPage of pageSizes ) {
		const first = await getRest(
			siteUrl,
			session,
			`/civikey/v1/inventory?per_page=${ perPage }&page=1`
		);
		const total = Number( first.headers.get( 'x-wp-total' ) );
		if ( first.body.length !== Math.min( perPage, total ) ) {
			throw new Error(
				`Inventory page 1 of ${ perPage } held ${ first.body.length } keys`
			);
		}
		sizes.push( {
			per_page: perPage,
			keyed_contacts: total,
			requests,
			queries_page_1: queryCounts( first.headers ),
			linked_users_on_page_1: first.body.filter(
				( item ) => item.user !== null
			).length,
			times: [],
			counts: [],
		} );
	}

	// Then the timed pages, the sizes taking turns (in rotating order, so
	// that the machine's other work weighs on each alike) and spread over the
	// inventory: page 1, then every 37th page around.
	log(
		`inventory: ${ requests } pages of each of ${ pageSizes.join( ', ' ) } rows`
	);
	for ( let i = 0; i < requests; i++ ) {
		for ( let j = 0; j < sizes.length; j++ ) {
			const size = sizes[ ( i + j ) % sizes.length ];
			const pages = Math.max(
				1,
				Math.floor( size.keyed_contacts / size.per_page )
			);
			const page = 1 + ( ( i * 37 ) % pages );
			const answer = await getRest(
				siteUrl,
				session,
				`/civikey/v1/inventory?per_page=${ size.per_page }&page=${ page }`
			);
			const count = queryCounts( answer.headers );
			size.times.push( answer.ms );
			size.counts.push( count.total ?? count.wordpress );
		}
	}
	for ( const size of sizes ) {
		size.median_ms = median( size.times );
		size.p95_ms = percentile( size.times, 95 );
		size.queries_min = Math.min( ...size.counts );
		size.queries_max = Math.max( ...size.counts );
		delete size.times;
		delete size.counts;
	}

	// Page 1 has a linked user on every row at every size, so it is where a
	// query per row would show.
	const totals = sizes.map(
		( size ) => size.queries_page_1.total ?? size.queries_page_1.wordpress
	);
	return {
		sizes,
		queries_same_at_every_size: totals.every(
			( count ) => count === totals[ 0 ]
		),
	};
}

module.exports = { measureInventory, queryCounts };

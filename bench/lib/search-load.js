/**
 * Search under load: CiviKey's contact search beside WordPress core's user
 * search and the floor (a route that only boots WordPress, authenticates and
 * calls civicrm_initialize()), at several numbers of concurrent clients.
 *
 * A small closed-loop load generator: `clients` loops each send a request,
 * wait for the whole answer, and send the next; only 127.0.0.1 is accepted.
 * Per route and level they start new requests for at least `minSeconds`,
 * then on until `requests` have been started or `maxSeconds` have passed, so
 * a slow route still gets enough samples for a p95 and a fast one is not
 * hammered for long; that time is spread over three turns in which the
 * routes take rotating places. Requests already started are waited for and
 * counted, so slow answers are not dropped from the percentiles (each has a
 * 120 s time-out, which bounds the run). Each request takes the route's next
 * search term from one list, so every route sees the same mix of terms and
 * no answer comes twice in a row from a warm cache.
 *
 * Not autocannon: PHP's built-in server ends its answers by closing the
 * connection, without Content-Length, and autocannon never counts such an
 * answer as complete. Node's own HTTP client reads them.
 */

const http = require( 'node:http' );
const { percentile, ratio } = require( './stats' );
const { restHeaders, getRest } = require( './session' );
/** Turns per level: see measureSearch(). */
const SLICES = 3;

const ROUTES = [
	{
		name: 'contacts',
		label: 'CiviKey /civikey/v1/contacts',
		route: '/civikey/v1/contacts',
	},
	{ name: 'users', label: 'WordPress /wp/v2/users', route: '/wp/v2/users' },
	{
		name: 'floor',
		label: 'Floor (boot + civicrm_initialize)',
		route: '/civikey-bench/v1/floor',
	},
];

/*
 * What admins type: a surname shared by 5,000 seeded contacts, a surname and
 * the first digits of an ID (dozens), a contact ID, part of an email address
 * (hundreds), and a service name that matches nothing (a full scan that
 * finds no row).
 */
const SEARCH_TERMS = [
	'Hopper',
	'Turing 12',
	'4242',
	'grace.knuth',
	'Zapier',
	'Lamarr',
	'Wirth 87',
	'31337',
	'ada.cerf',
	'Mailchimp',
	'Liskov',
	'Bartik 5',
	'99001',
	'linus.torvalds',
	'Mailing sync',
	'Dijkstra',
	'Hamilton 3',
	'777',
	'vint.hopper',
	'Stripe',
];

/**
 * One GET, timed from sending to the last byte of the answer.
 *
 * @param {string}                 url     Full URL.
 * @param {Record<string, string>} headers Authentication.
 * @return {Promise<{status: number, ms: number}>} Status and time.
 */
function timedGet( url, headers ) {
	return new Promise( ( resolve, reject ) => {
		const started = performance.now();
		// A new connection each time, as the built-in server closes every one.
		const request = http.get(
			url,
			{ headers, agent: false, timeout: 120_000 },
			( response ) => {
				response.resume();
				response.on( 'end', () =>
					resolve( {
						status: response.statusCode,
						ms: performance.now() - started,
					} )
				);
				response.on( 'error', reject );
			}
		);
		request.on( 'timeout', () =>
			request.destroy(
				new Error( `no answer from ${ url } within 120 s` )
			)
		);
		request.on( 'error', reject );
	} );
}

/**
 * `clients` closed loops against one route, for the time `sampling` says.
 *
 * @param {Object}                 options
 * @param {string}                 options.siteUrl  Site URL (127.0.0.1 only).
 * @param {Record<string, string>} options.headers  Authentication.
 * @param {string}                 options.route    REST route.
 * @param {number}                 options.clients  Concurrent clients.
 * @param {Object}                 options.sampling minSeconds, maxSeconds, requests.
 * @param {{next: number}}         options.cursor   The route's place in SEARCH_TERMS, kept across runs.
 * @return {Promise<{latencies: number[], statuses: Record<string, number>, seconds: number}>} Per-response figures.
 */
async function run( { siteUrl, headers, route, clients, sampling, cursor } ) {
	const latencies = [];
	const statuses = {};
	const started = performance.now();
	let sent = 0;
	const keepGoing = () => {
		const seconds = ( performance.now() - started ) / 1000;
		return (
			seconds < sampling.minSeconds ||
			( sent < sampling.requests && seconds < sampling.maxSeconds )
		);
	};
	const client = async () => {
		while ( keepGoing() ) {
			sent++;
			const term = SEARCH_TERMS[ cursor.next++ % SEARCH_TERMS.length ];
			const { status, ms } = await timedGet(
				`${ siteUrl }/wp-json${ route }?search=${ encodeURIComponent( term ) }`,
				headers
			);
			latencies.push( ms );
			statuses[ status ] = ( statuses[ status ] ?? 0 ) + 1;
		}
	};
	await Promise.all( Array.from( { length: clients }, client ) );
	return {
		latencies,
		statuses,
		seconds: ( performance.now() - started ) / 1000,
	};
}

/**
 * Every route at every level, routes side by side within a level.
 *
 * @param {Object}   options
 * @param {string}   options.siteUrl  Site URL.
 * @param {Object}   options.session  Admin session.
 * @param {number[]} options.levels   Concurrent clients, e.g. [1, 4, 16].
 * @param {Object}   options.sampling minSeconds, maxSeconds and requests per route and level.
 * @param {Function} options.log      Progress printer.
 * @return {Promise<Object>} Percentiles per level and route, costs above the floor, query counts.
 */
async function measureSearch( { siteUrl, session, levels, sampling, log } ) {
	if ( ! /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test( siteUrl ) ) {
		throw new Error(
			`The load test only runs against this machine (127.0.0.1), not ${ siteUrl }.`
		);
	}
	const headers = restHeaders( session );

	// One request per route first: it checks each answers 200, warms PHP's
	// opcode cache, and reads how many queries one search runs.
	const queries = {};
	for ( const { name, route } of ROUTES ) {
		const { headers: answer } = await getRest(
			siteUrl,
			session,
			`${ route }?search=${ encodeURIComponent( SEARCH_TERMS[ 0 ] ) }`
		);
		queries[ name ] = {
			wordpress: Number( answer.get( 'x-civikey-bench-wp-queries' ) ),
			civicrm:
				answer.get( 'x-civikey-bench-civicrm-queries' ) === 'unknown'
					? null
					: Number( answer.get( 'x-civikey-bench-civicrm-queries' ) ),
		};
	}

	// Each level is measured in SLICES turns, and in each turn every route
	// runs for its share of the time, in an order that rotates: the other
	// work on the machine then weighs on all three alike.
	const slice = {
		minSeconds: sampling.minSeconds / SLICES,
		maxSeconds: sampling.maxSeconds / SLICES,
		requests: Math.ceil( sampling.requests / SLICES ),
	};
	const results = [];
	for ( const clients of levels ) {
		const level = { concurrency: clients, routes: {} };
		const gathered = Object.fromEntries(
			ROUTES.map( ( { name } ) => [
				name,
				{ latencies: [], seconds: 0, cursor: { next: 0 } },
			] )
		);
		for ( let turn = 0; turn < SLICES; turn++ ) {
			for ( let i = 0; i < ROUTES.length; i++ ) {
				const { name, route } = ROUTES[ ( turn + i ) % ROUTES.length ];
				log(
					`search: ${ name } with ${ clients } client${ clients > 1 ? 's' : '' } (turn ${ turn + 1 } of ${ SLICES })`
				);
				const outcome = await run( {
					siteUrl,
					headers,
					route,
					clients,
					sampling: slice,
					cursor: gathered[ name ].cursor,
				} );
				if (
					Object.keys( outcome.statuses ).some(
						( code ) => code !== '200'
					)
				) {
					throw new Error(
						`${ route } at ${ clients } clients answered ${ JSON.stringify( outcome.statuses ) }`
					);
				}
				gathered[ name ].latencies.push( ...outcome.latencies );
				gathered[ name ].seconds += outcome.seconds;
			}
		}
		for ( const { name } of ROUTES ) {
			const { latencies, seconds } = gathered[ name ];
			level.routes[ name ] = {
				requests: latencies.length,
				seconds,
				p50_ms: percentile( latencies, 50 ),
				p95_ms: percentile( latencies, 95 ),
			};
		}
		const { contacts, users, floor } = level.routes;
		const minus = ( ours, theirs ) =>
			ours === null || theirs === null ? null : ours - theirs;
		level.contacts_above_floor_ms = {
			p50: minus( contacts.p50_ms, floor.p50_ms ),
			p95: minus( contacts.p95_ms, floor.p95_ms ),
		};
		level.contacts_ratio_to = {
			floor: {
				p50: ratio( contacts.p50_ms, floor.p50_ms ),
				p95: ratio( contacts.p95_ms, floor.p95_ms ),
			},
			users: {
				p50: ratio( contacts.p50_ms, users.p50_ms ),
				p95: ratio( contacts.p95_ms, users.p95_ms ),
			},
		};
		results.push( level );
	}
	return {
		sampling: {
			min_seconds: sampling.minSeconds,
			max_seconds: sampling.maxSeconds,
			requests: sampling.requests,
			turns: SLICES,
		},
		terms: SEARCH_TERMS,
		routes: ROUTES,
		queries_per_request: queries,
		levels: results,
	};
}

module.exports = { measureSearch, SEARCH_TERMS };

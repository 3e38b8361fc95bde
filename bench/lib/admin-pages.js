/**
 * Admin page loads in Chromium: Tools → CiviKey beside WordPress's own Tools
 * page and the Profile page (home of Application Passwords).
 *
 * Two figures per load, both from the browser's clock for that navigation
 * (performance.now(), 0 = navigation start):
 *
 * - TTFB: Navigation Timing's responseStart − requestStart, the time the
 *   server took to start answering the page request (loopback, so network
 *   time is nil).
 * - Usable: the first moment at which BOTH
 *     1. the window's load event has fired (every script of the page has run
 *        and bound its handlers), and
 *     2. the page's main interactive control is in the document, laid out
 *        with a non-zero size, not visibility:hidden and not disabled.
 *   The main control is, for Tools → CiviKey, the "Search contacts" field
 *   (`#civikey-root input[type="search"]`), which the app renders only after
 *   it has fetched /civikey/v1/status and found that the user may manage
 *   keys; for tools.php, the link to the Categories and Tags Converter in its
 *   card; for profile.php, the "Add Application Password" button
 *   (#do_new_application_password). Checked at every animation frame and DOM
 *   change, so the figure is within one frame (about 16 ms) of the truth.
 */

const { chromium } = require( '@playwright/test' );
const { median, ratio } = require( './stats' );

const PAGES = [
	{
		name: 'civikey',
		label: 'Tools → CiviKey',
		path: '/wp-admin/tools.php?page=civikey',
		control: '#civikey-root input[type="search"]',
	},
	{
		name: 'tools',
		label: 'Tools (tools.php)',
		path: '/wp-admin/tools.php',
		control: '#wpbody-content .wrap .card a[href="import.php"]',
	},
	{
		name: 'profile',
		label: 'Profile (profile.php)',
		path: '/wp-admin/profile.php',
		control: '#do_new_application_password',
	},
];

/**
 * Runs in every document before its own scripts: watches for "usable" and
 * records when it happened in window.__civikeyBenchUsableAt.
 *
 * @param {Record<string, string>} controls Main control selector by path and query.
 */
function watchForUsable( controls ) {
	const selector =
		controls[ window.location.pathname + window.location.search ];
	if ( ! selector ) {
		return;
	}
	window.__civikeyBenchUsableAt = null;
	let loaded = false;
	const check = () => {
		if ( window.__civikeyBenchUsableAt !== null || ! loaded ) {
			return;
		}
		const control = document.querySelector( selector );
		if ( ! control || control.disabled ) {
			return;
		}
		const box = control.getBoundingClientRect();
		if (
			box.width > 0 &&
			box.height > 0 &&
			window.getComputedStyle( control ).visibility !== 'hidden'
		) {
			window.__civikeyBenchUsableAt = window.performance.now();
		}
	};
	const onFrame = () => {
		check();
		if ( window.__civikeyBenchUsableAt === null ) {
			window.requestAnimationFrame( onFrame );
		}
	};
	new window.MutationObserver( check ).observe( document, {
		childList: true,
		subtree: true,
		attributes: true,
	} );
	window.addEventListener( 'load', () => {
		loaded = true;
		check();
	} );
	window.requestAnimationFrame( onFrame );
}

/**
 * Loads each page `loads` times (after `warmups` discarded rounds), in
 * rounds that visit every page once, starting with a different page each
 * round so that none always follows another.
 *
 * @param {Object}   options
 * @param {string}   options.siteUrl        Site URL.
 * @param {Object[]} options.cookies        Login cookies ({name, value}).
 * @param {number}   options.loads          Measured loads per page.
 * @param {number}   options.warmups        Discarded rounds first.
 * @param {string}   options.executablePath Chromium.
 * @param {Function} options.log            Progress printer.
 * @return {Promise<Object>} Per page: samples and medians; ratios of CiviKey to each other page.
 */
async function measureAdminPages( {
	siteUrl,
	cookies,
	loads,
	warmups,
	executablePath,
	log,
} ) {
	const browser = await chromium.launch( {
		executablePath,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	} );
	try {
		const context = await browser.newContext( {
			viewport: { width: 1280, height: 800 },
		} );
		await context.addCookies(
			cookies.map( ( c ) => ( { ...c, url: siteUrl } ) )
		);
		await context.addInitScript(
			watchForUsable,
			Object.fromEntries( PAGES.map( ( p ) => [ p.path, p.control ] ) )
		);
		const page = await context.newPage();
		const samples = Object.fromEntries(
			PAGES.map( ( p ) => [ p.name, { ttfb: [], usable: [] } ] )
		);

		for ( let round = 0; round < warmups + loads; round++ ) {
			for ( let i = 0; i < PAGES.length; i++ ) {
				const target = PAGES[ ( round + i ) % PAGES.length ];
				const response = await page.goto( siteUrl + target.path, {
					waitUntil: 'load',
					timeout: 60_000,
				} );
				if (
					! response ||
					response.status() !== 200 ||
					! page.url().endsWith( target.path )
				) {
					throw new Error(
						`${ target.path } answered ${ response ? response.status() : 'nothing' } at ${ page.url() }`
					);
				}
				await page
					.waitForFunction(
						() => window.__civikeyBenchUsableAt !== null,
						null,
						{ timeout: 60_000, polling: 50 }
					)
					.catch( () => {
						throw new Error(
							`${ target.label } never showed its main control (${ target.control }) within 60 s`
						);
					} );
				const figures = await page.evaluate( () => {
					const [ navigation ] =
						window.performance.getEntriesByType( 'navigation' );
					return {
						ttfb:
							navigation.responseStart - navigation.requestStart,
						usable: window.__civikeyBenchUsableAt,
					};
				} );
				if ( round >= warmups ) {
					samples[ target.name ].ttfb.push( figures.ttfb );
					samples[ target.name ].usable.push( figures.usable );
				}
			}
			log(
				`admin pages: round ${ round + 1 } of ${ warmups + loads }${ round < warmups ? ' (warm-up)' : '' }`
			);
		}

		const pages = PAGES.map( ( p ) => ( {
			name: p.name,
			label: p.label,
			path: p.path,
			usable_control: p.control,
			loads: samples[ p.name ].ttfb.length,
			ttfb_ms_median: median( samples[ p.name ].ttfb ),
			usable_ms_median: median( samples[ p.name ].usable ),
			ttfb_ms: samples[ p.name ].ttfb,
			usable_ms: samples[ p.name ].usable,
		} ) );
		const [ ours, ...others ] = pages;
		const ratios = Object.fromEntries(
			others.map( ( other ) => [
				other.name,
				{
					ttfb: ratio( ours.ttfb_ms_median, other.ttfb_ms_median ),
					usable: ratio(
						ours.usable_ms_median,
						other.usable_ms_median
					),
				},
			] )
		);
		return { warmup_rounds: warmups, pages, civikey_ratio_to: ratios };
	} finally {
		await browser.close();
	}
}

module.exports = { measureAdminPages, PAGES };

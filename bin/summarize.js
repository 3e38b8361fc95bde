#!/usr/bin/env node
/**
 * Sums the suites bin/test.sh ran into one line, "N passed, N failed,
 * N skipped", and exits non-zero when anything failed.
 *
 * Counts come from each runner's own report (Jest JSON, PHPUnit JUnit XML,
 * Playwright JSON). A suite whose report is missing counts as one failure, so
 * a runner that crashed can never look green.
 *
 * Before that line it lists the figures the hardening issue asks for, read
 * from what each suite printed (bin/test.sh keeps it as <suite>.log); the
 * quality gates' figure is their exit status. A figure that is missing or
 * off its mark fails the run as one more check, "figures", even if the test
 * that prints it was removed or skipped.
 */
const fs = require( 'fs' );
const path = require( 'path' );

const root = path.resolve( __dirname, '..' );
const resultsDir = process.argv[ 2 ];

// The end-to-end suites: against the stand-in, and against the real CiviCRM.
const E2E_SUITES = { e2e: '', 'e2e-real': ', real CiviCRM' };

const civicrmState = ( state, suite = 'e2e' ) => ( {
	label: `CiviCRM ${ state.replace( '_', ' ' ) }, end to end${ E2E_SUITES[ suite ] }`,
	suite,
	pattern: new RegExp(
		`CiviCRM ${ state }: (\\d+) routes, 503 with a sentence: (\\d+), HTTP 500s: (\\d+), unexpected answers: (\\d+), PHP errors or warnings logged: (\\d+), secrets in logs or responses: (\\d+)`
	),
	holds: ( m ) =>
		+m[ 1 ] > 0 && [ 3, 4, 5, 6 ].every( ( i ) => m[ i ] === '0' ),
	show: ( m ) =>
		`${ m[ 1 ] } routes: 503 with a sentence ${ m[ 2 ] }, HTTP 500s ${ m[ 3 ] }, unexpected ${ m[ 4 ] }, PHP errors logged ${ m[ 5 ] }, secrets ${ m[ 6 ] }`,
} );

/**
 * A figure each end-to-end suite prints, once per suite.
 *
 * @param {Function} figure Builds the figure for a suite.
 * @return {Array<Object>} One figure per end-to-end suite.
 */
const e2eFigure = ( figure ) => Object.keys( E2E_SUITES ).map( figure );

const csrf = ( suite ) => ( {
	label: `CSRF${ E2E_SUITES[ suite ] }`,
	suite,
	pattern: /CSRF: (\d+) requests without a valid nonce, successes: (\d+)/,
	holds: ( m ) => +m[ 1 ] > 0 && m[ 2 ] === '0',
	show: ( m ) => `successes: ${ m[ 2 ] } (${ m[ 1 ] } requests)`,
} );
const concurrency = ( suite ) => ( {
	label: `Concurrency${ E2E_SUITES[ suite ] }`,
	suite,
	pattern:
		/Concurrency: 50 parallel rotations → statuses \{[^}]*\}, final key among those sent: (\w+), audit entries: (\d+); one key sent to 10 contacts at once → successes: (\d+)/,
	holds: ( m ) => m[ 1 ] === 'true' && m[ 2 ] === '50' && +m[ 3 ] <= 1,
	show: ( m ) =>
		`final key one of those sent: ${ m[ 1 ] }, audit entries: ${ m[ 2 ] }, same key to 10 contacts → successes: ${ m[ 3 ] }`,
} );
const secrets = ( suite ) => ( {
	label: `Secrets${ E2E_SUITES[ suite ] }`,
	suite,
	pattern:
		/Secrets: searched (\d+) places \((\d+) responses, (\d+) pages\) for the key and the site key; leaks: (\d+)/,
	holds: ( m ) => +m[ 2 ] > 0 && m[ 4 ] === '0',
	show: ( m ) =>
		`leaks: ${ m[ 4 ] } (${ m[ 1 ] } places, ${ m[ 2 ] } responses, ${ m[ 3 ] } pages)`,
} );

const gate = ( label, suite ) => ( { label, suite, gate: true } );

/**
 * The figures: where each is printed, what it must be.
 */
const FIGURES = [
	{
		label: 'CiviCRM the PHPUnit suites ran against',
		suite: 'phpunit-real',
		pattern:
			/CiviCRM: real ([\d.]+) \(civicrm-core from ([^;]+); WordPress side: ([^)]+)\)/,
		holds: ( m ) => /^\d+\.\d+/.test( m[ 1 ] ),
		show: ( m ) =>
			`real civicrm-core ${ m[ 1 ] } (from ${ m[ 2 ] }; WordPress side: ${ m[ 3 ] }), and the stand-in`,
	},
	{
		label: 'CiviCRM the end-to-end suites ran against',
		suite: 'e2e-real',
		pattern: /E2E: CiviCRM real ([\d.]+) at (\S+)/,
		holds: ( m ) => /^\d+\.\d+/.test( m[ 1 ] ),
		show: ( m ) =>
			`real civicrm-core ${ m[ 1 ] } (a second stack at ${ m[ 2 ] }), and the stand-in`,
	},
	{
		label: 'AuthX over HTTP, real CiviCRM',
		suite: 'authx-real',
		pattern:
			/AuthX over HTTP, real CiviCRM ([\d.]+): key set through CiviKey for contact (\d+) → HTTP (\d+), contact_id (\w+); wrong key → HTTP (\d+)/,
		holds: ( m ) =>
			m[ 3 ] === '200' && m[ 4 ] === m[ 2 ] && m[ 5 ] === '401',
		show: ( m ) =>
			`CiviCRM ${ m[ 1 ] }: key set through CiviKey → HTTP ${ m[ 3 ] } contact ${ m[ 4 ] } (expected ${ m[ 2 ] }); wrong key → HTTP ${ m[ 5 ] }`,
	},
	{
		label: 'APIv4 over HTTP, real CiviCRM',
		suite: 'authx-real',
		pattern:
			/APIv4 over HTTP, real CiviCRM ([\d.]+): Contact\.get at the URL CiviKey shows, key from wp civikey connect for contact (\d+) → HTTP (\d+), found contact (\S+)/,
		holds: ( m ) => m[ 3 ] === '200' && m[ 4 ] === m[ 2 ],
		show: ( m ) =>
			`CiviCRM ${ m[ 1 ] }: key from wp civikey connect → HTTP ${ m[ 3 ] }, found contact ${ m[ 4 ] } (expected ${ m[ 2 ] })`,
	},
	{
		label: 'Role matrix, single site',
		suite: 'phpunit-standin',
		pattern:
			/Role matrix: (\d+) route × user checks, unauthorized successes: (\d+)/,
		holds: ( m ) => +m[ 1 ] > 0 && m[ 2 ] === '0',
		show: ( m ) =>
			`unauthorized successes: ${ m[ 2 ] } (${ m[ 1 ] } checks)`,
	},
	{
		label: 'Role matrix, multisite',
		suite: 'phpunit-multisite',
		pattern:
			/Multisite role matrix: (\d+) route × user checks on (\d+) sites, unauthorized successes: (\d+), super admin refusals: (\d+)/,
		holds: ( m ) => +m[ 1 ] > 0 && m[ 3 ] === '0' && m[ 4 ] === '0',
		show: ( m ) =>
			`unauthorized successes: ${ m[ 3 ] } (${ m[ 1 ] } checks on ${ m[ 2 ] } sites), super admin refusals: ${ m[ 4 ] }`,
	},
	...e2eFigure( csrf ),

	{
		label: 'Bad input',
		suite: 'phpunit-standin',
		pattern:
			/Bad input: (\d+) requests; HTTP 500s: (\d+); answers that were not a 4xx with a sentence: (\d+); PHP warnings or notices: (\d+); data changed: (\w+)/,
		holds: ( m ) =>
			+m[ 1 ] >= 1000 &&
			m[ 2 ] === '0' &&
			m[ 3 ] === '0' &&
			m[ 4 ] === '0' &&
			m[ 5 ] === 'no',
		show: ( m ) =>
			`${ m[ 1 ] } requests: HTTP 500s ${ m[ 2 ] }, not a 4xx with a sentence ${ m[ 3 ] }, PHP warnings ${ m[ 4 ] }, contacts or keys changed: ${ m[ 5 ] }`,
	},
	...e2eFigure( concurrency ),

	civicrmState( 'absent' ),
	civicrmState( 'not_installed' ),
	civicrmState( 'failing' ),
	civicrmState( 'absent', 'e2e-real' ),
	civicrmState( 'not_installed', 'e2e-real' ),
	{
		label: 'CiviCRM failing, every route in-process',
		suite: 'phpunit-standin',
		pattern:
			/CiviCRM failing: (\d+) routes, 503 with a sentence: (\d+), answered 200 [^:]*: (\d+), HTTP 500s: (\d+)/,
		holds: ( m ) => +m[ 1 ] > 0 && m[ 4 ] === '0',
		show: ( m ) =>
			`${ m[ 1 ] } routes: 503 with a sentence ${ m[ 2 ] }, 200 without CiviCRM ${ m[ 3 ] }, HTTP 500s ${ m[ 4 ] }`,
	},
	...e2eFigure( secrets ),

	{
		label: 'Uninstall, single site',
		suite: 'plugin-zip',
		pattern:
			/Deleting the plugin removes its tables, options, cron event and roles, and leaves CiviCRM's keys alone/,
		holds: () => true,
		show: () => 'left behind: 0, keys untouched',
	},
	{
		label: 'Uninstall, multisite',
		suite: 'phpunit-multisite',
		pattern: /Multisite uninstall: (\d+) sites, left behind: (\d+)/,
		holds: ( m ) => +m[ 1 ] > 1 && m[ 2 ] === '0',
		show: ( m ) => `left behind: ${ m[ 2 ] } (${ m[ 1 ] } sites)`,
	},
	gate( 'ESLint errors', 'eslint' ),
	gate( 'tsc --noEmit errors', 'tsc' ),
	gate( 'PHPCS errors (escaping, sanitizing, SQL)', 'phpcs' ),
	gate( 'PHPStan level 8 errors', 'phpstan' ),
	{
		label: 'Plugin check',
		suite: 'plugin-check',
		pattern:
			/Plugin check: (\d+) files \((\d+) PHP\) in \S+, (\d+) checks, errors: (\d+)/,
		holds: ( m ) => +m[ 1 ] > 0 && m[ 4 ] === '0',
		show: ( m ) =>
			`errors: ${ m[ 4 ] } (${ m[ 3 ] } checks on ${ m[ 1 ] } files)`,
	},
	{
		label: 'Plugin check self-test',
		suite: 'plugin-check',
		pattern:
			/Plugin check self-test: (\d+) planted faults, caught: (\d+); checks exercised: (\d+) of (\d+)/,
		holds: ( m ) => +m[ 1 ] > 0 && m[ 1 ] === m[ 2 ] && m[ 3 ] === m[ 4 ],
		show: ( m ) =>
			`planted faults caught: ${ m[ 2 ] } of ${ m[ 1 ] }, checks exercised: ${ m[ 3 ] } of ${ m[ 4 ] }`,
	},
];

/**
 * Each figure's value and whether it holds.
 *
 * @param {Array<Object>} suites What bin/test.sh ran.
 * @return {Array<{label: string, value: string, holds: boolean}>} Figures.
 */
function readFigures( suites ) {
	const byName = Object.fromEntries(
		suites.map( ( suite ) => [ suite.name, suite ] )
	);
	return FIGURES.map( ( figure ) => {
		const suite = byName[ figure.suite ];
		if ( ! suite ) {
			return {
				label: figure.label,
				value: `missing: suite ${ figure.suite } did not run`,
				holds: false,
			};
		}
		if ( figure.gate ) {
			return {
				label: figure.label,
				value:
					suite.status === 0
						? '0'
						: `failed (exit ${ suite.status })`,
				holds: suite.status === 0,
			};
		}
		const logFile = path.join( resultsDir, `${ figure.suite }.log` );
		const output = fs.existsSync( logFile )
			? fs.readFileSync( logFile, 'utf8' )
			: '';
		const match = output.match( figure.pattern );
		if ( ! match ) {
			return {
				label: figure.label,
				value: `missing: ${ figure.suite } did not print it`,
				holds: false,
			};
		}
		return {
			label: figure.label,
			value: figure.show( match ),
			holds: figure.holds( match ),
		};
	} );
}

function fromJest( report ) {
	return {
		passed: report.numPassedTests,
		failed:
			report.numFailedTests + ( report.numRuntimeErrorTestSuites || 0 ),
		skipped: report.numPendingTests + report.numTodoTests,
	};
}

function fromPhpunit( xml ) {
	const suite = xml.match( /<testsuite\b[^>]*>/ );
	if ( ! suite ) {
		return null;
	}
	const attribute = ( name ) =>
		Number(
			( suite[ 0 ].match( new RegExp( `\\b${ name }="(\\d+)"` ) ) ||
				[] )[ 1 ] || 0
		);
	const tests = attribute( 'tests' );
	const failed =
		attribute( 'failures' ) +
		attribute( 'errors' ) +
		attribute( 'warnings' );
	const skipped = attribute( 'skipped' );
	return { passed: tests - failed - skipped, failed, skipped };
}

function fromPlaywright( report ) {
	const stats = report.stats || {};
	return {
		passed: ( stats.expected || 0 ) + ( stats.flaky || 0 ),
		failed: ( stats.unexpected || 0 ) + ( report.errors || [] ).length,
		skipped: stats.skipped || 0,
	};
}

function countsFor( suite ) {
	if ( suite.resultFile === '-' ) {
		return suite.status === 0
			? { passed: 1, failed: 0, skipped: 0 }
			: { passed: 0, failed: 1, skipped: 0 };
	}
	const file = path.join( root, suite.resultFile );
	if ( ! fs.existsSync( file ) ) {
		return { passed: 0, failed: 1, skipped: 0, note: 'no report' };
	}
	const text = fs.readFileSync( file, 'utf8' );
	let counts = null;
	if ( file.endsWith( '.xml' ) ) {
		counts = fromPhpunit( text );
	} else {
		const report = JSON.parse( text );
		counts =
			'numPassedTests' in report
				? fromJest( report )
				: fromPlaywright( report );
	}
	if ( ! counts ) {
		return { passed: 0, failed: 1, skipped: 0, note: 'unreadable report' };
	}
	// A runner that exited non-zero with no failed test still failed (a
	// crash after the report, a coverage or config error).
	if ( suite.status !== 0 && counts.failed === 0 ) {
		counts.failed = 1;
		counts.note = `exit ${ suite.status }`;
	}
	// A suite that ran nothing is a failure, never a pass.
	if ( counts.passed + counts.failed === 0 ) {
		counts.failed = 1;
		counts.note = 'ran no test';
	}
	return counts;
}

const total = { passed: 0, failed: 0, skipped: 0 };
const suites = fs
	.readdirSync( resultsDir )
	.filter( ( name ) => name.endsWith( '.json' ) )
	.map( ( name ) =>
		JSON.parse( fs.readFileSync( path.join( resultsDir, name ), 'utf8' ) )
	);

process.stdout.write(
	'\nSuite                 passed  failed  skipped  seconds\n'
);
for ( const suite of suites ) {
	const counts = countsFor( suite );
	total.passed += counts.passed;
	total.failed += counts.failed;
	total.skipped += counts.skipped;
	process.stdout.write(
		`${ suite.name.padEnd( 20 ) } ${ String( counts.passed ).padStart( 7 ) } ${ String( counts.failed ).padStart( 7 ) } ${ String( counts.skipped ).padStart( 8 ) } ${ String( suite.seconds ).padStart( 8 ) }${ counts.note ? '  (' + counts.note + ')' : '' }\n`
	);
}

const figures = readFigures( suites );
const off = figures.filter( ( figure ) => ! figure.holds );
const labelWidth = Math.max(
	...figures.map( ( figure ) => figure.label.length )
);
process.stdout.write( `\n${ 'Figure'.padEnd( labelWidth ) } value\n` );
for ( const figure of figures ) {
	process.stdout.write(
		`${ figure.label.padEnd( labelWidth ) } ${ figure.value }${
			figure.holds ? '' : '  ← NOT AS IT MUST BE'
		}\n`
	);
}
// All figures together are one more check.
if ( off.length > 0 ) {
	total.failed += 1;
} else {
	total.passed += 1;
}
process.stdout.write(
	`figures: ${ figures.length - off.length } of ${
		figures.length
	} as they must be\n`
);

process.stdout.write(
	`\n${ total.passed } passed, ${ total.failed } failed, ${ total.skipped } skipped\n`
);
process.exit( total.failed > 0 || suites.length === 0 ? 1 : 0 );

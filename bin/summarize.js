#!/usr/bin/env node
/**
 * Sums the suites bin/test.sh ran into one line, "N passed, N failed,
 * N skipped", and exits non-zero when anything failed.
 *
 * Counts come from each runner's own report (Jest JSON, PHPUnit JUnit XML,
 * Playwright JSON). A suite whose report is missing counts as one failure, so
 * a runner that crashed can never look green.
 */
const fs = require( 'fs' );
const path = require( 'path' );

const root = path.resolve( __dirname, '..' );
const resultsDir = process.argv[ 2 ];

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
process.stdout.write(
	`\n${ total.passed } passed, ${ total.failed } failed, ${ total.skipped } skipped\n`
);
process.exit( total.failed > 0 || suites.length === 0 ? 1 : 0 );

/**
 * Jest configuration for `wp-scripts test-unit-js`.
 *
 * Extends the defaults of `@wordpress/scripts` (jsdom, Babel with
 * TypeScript, `@wordpress/jest-console`) and adds the jest-dom matchers.
 */

/**
 * WordPress dependencies
 */
const defaultConfig = require( '@wordpress/scripts/config/jest-unit.config' );

const babelTransform =
	require.resolve( '@wordpress/scripts/config/babel-transform' );

/*
 * Packages that ship ES modules only. @wordpress/components requires them
 * from its CommonJS build, which Jest cannot do natively before Node 24.9,
 * so Babel turns them into CommonJS first.
 */
const ESM_ONLY_PACKAGES = [ 'uuid', '@wordpress/theme' ];

module.exports = {
	...defaultConfig,
	// Only look where unit tests live: never in the local WordPress stack,
	// the build output or the Playwright suite.
	roots: [ '<rootDir>/src', '<rootDir>/tests/js' ],
	testPathIgnorePatterns: [ '/node_modules/', '<rootDir>/tests/e2e/' ],
	transform: {
		'\\.[jt]sx?$': babelTransform,
		'\\.mjs$': babelTransform,
	},
	transformIgnorePatterns: [
		`/node_modules/(?!(${ ESM_ONLY_PACKAGES.join( '|' ) })/)`,
	],
	setupFilesAfterEnv: [ '<rootDir>/tests/js/setup-tests.ts' ],
	// Component tests that render @wordpress/components and click through
	// with userEvent take 1-2 s on a quiet 2-core machine and 5-7 s when it
	// is busy; Jest's 5 s default turned load into failures.
	testTimeout: 20000,
};

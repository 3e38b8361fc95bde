/**
 * ESLint flat configuration (ESLint 10, used by `wp-scripts lint-js`).
 *
 * Builds on the recommended configuration of `@wordpress/eslint-plugin`,
 * which already wires Prettier and, because TypeScript is installed, the
 * typescript-eslint parser for *.ts and *.tsx files.
 */

/**
 * External dependencies
 */
const globals = require( 'globals' );

/**
 * WordPress dependencies
 */
const wpPlugin = require( '@wordpress/eslint-plugin' );

const UNIT_TEST_FILES = [
	'**/test/**/*.[jt]s?(x)',
	'**/?(*.)test.[jt]s?(x)',
	'tests/js/**/*.[jt]s?(x)',
];

const E2E_TEST_FILES = [ 'tests/e2e/**/*.[jt]s?(x)' ];

module.exports = [
	{
		ignores: [
			'**/build/**',
			'**/node_modules/**',
			'**/vendor/**',
			'.stack/**',
			'artifacts/**',
			'playwright-report/**',
			'test-results/**',
		],
	},

	...wpPlugin.configs.recommended,

	// Plain JavaScript files (configuration files) are parsed by Babel.
	{
		files: [ '**/*.{js,jsx,cjs,mjs}' ],
		languageOptions: {
			parserOptions: {
				requireConfigFile: false,
				babelOptions: {
					presets: [
						require.resolve( '@wordpress/babel-preset-default' ),
					],
				},
			},
		},
	},

	// Tooling configuration files use packages that @wordpress/scripts brings.
	{
		files: [ '*.config.{js,cjs,mjs}', '.prettierrc.js' ],
		rules: {
			'import/no-extraneous-dependencies': 'off',
		},
	},

	// Every translatable string belongs to the plugin's text domain.
	{
		rules: {
			'@wordpress/i18n-text-domain': [
				'error',
				{ allowedTextDomain: 'civikey' },
			],
		},
	},

	// Jest unit tests (beside the code in test/ folders, and tests/js).
	...wpPlugin.configs[ 'test-unit' ].map( ( config ) => ( {
		...config,
		files: UNIT_TEST_FILES,
	} ) ),

	// Playwright end-to-end tests run in Node.js.
	...wpPlugin.configs[ 'test-playwright' ].map( ( config ) => ( {
		...config,
		files: E2E_TEST_FILES,
	} ) ),
	{
		files: E2E_TEST_FILES,
		languageOptions: {
			globals: globals.node,
		},
	},
];

/**
 * External dependencies
 */
import { defineConfig } from '@playwright/test';
import path from 'node:path';

const baseURL = process.env.CIVIKEY_SITE_URL ?? 'http://127.0.0.1:8889';
const artifacts = path.join( __dirname, '../../artifacts' );
// One name per run, so that the runs against the stand-in and against the
// real CiviCRM (bin/test.sh) keep their own reports.
const run = process.env.CIVIKEY_E2E_RUN ?? 'e2e';

export default defineConfig( {
	testDir: './specs',
	outputDir: path.join( artifacts, `${ run }-results` ),
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	forbidOnly: !! process.env.CI,
	reporter: [
		[ 'list' ],
		[ 'json', { outputFile: path.join( artifacts, `${ run }.json` ) } ],
	],
	globalSetup: require.resolve( './global-setup' ),
	use: {
		baseURL,
		storageState: path.join( artifacts, `${ run }-admin-state.json` ),
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			// Debian's Chromium: Playwright's own browser download cannot
			// reach the internet from our machines.
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		},
	},
} );

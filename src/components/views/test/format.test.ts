/**
 * External dependencies
 */
import { afterEach, describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import {
	formatDateTime,
	formatRelative,
	formatUtc,
	getItemLabel,
	parseUtc,
} from '../format';

describe( 'parseUtc', () => {
	it( 'should read a MySQL date-time as UTC', () => {
		expect( parseUtc( '2024-05-01 10:00:00' )?.toISOString() ).toBe(
			'2024-05-01T10:00:00.000Z'
		);
	} );

	it.each( [ '', 'yesterday', '2024-05-01', '0000-00-00 00:00:00x' ] )(
		'should refuse %p',
		( value ) => {
			expect( parseUtc( value ) ).toBeNull();
		}
	);
} );

describe( 'formatUtc', () => {
	it( 'should mark the time as UTC', () => {
		expect( formatUtc( '2024-05-01 10:00:00' ) ).toBe(
			'2024-05-01 10:00:00 UTC'
		);
	} );
} );

describe( 'formatRelative', () => {
	const now = new Date( '2024-05-10T12:00:00Z' );

	it.each( [
		[ '2024-05-10T11:59:30Z', 'this minute' ],
		[ '2024-05-10T11:55:00Z', '5 minutes ago' ],
		[ '2024-05-10T09:00:00Z', '3 hours ago' ],
		[ '2024-05-09T12:00:00Z', 'yesterday' ],
		[ '2024-05-01T12:00:00Z', 'last week' ],
		[ '2024-02-10T12:00:00Z', '3 months ago' ],
		[ '2022-05-10T12:00:00Z', '2 years ago' ],
	] )( 'should say %s as %p', ( date, words ) => {
		expect( formatRelative( new Date( date ), now ) ).toBe( words );
	} );
} );

describe( 'formatDateTime', () => {
	afterEach( () => {
		document.documentElement.lang = '';
	} );

	it( 'should use the language of the admin screen', () => {
		const date = new Date( '2024-05-01T10:00:00Z' );
		document.documentElement.lang = 'de-DE';
		const german = formatDateTime( date );
		document.documentElement.lang = 'en-US';
		const english = formatDateTime( date );

		expect( german ).toMatch( /2024/ );
		expect( german ).not.toBe( english );
	} );

	it( 'should survive a language tag Intl refuses', () => {
		document.documentElement.lang = 'not a tag!';

		expect( formatDateTime( new Date( 0 ) ) ).toMatch( /19(69|70)/ );
	} );
} );

describe( 'getItemLabel', () => {
	it( 'should name the contact and its ID', () => {
		expect( getItemLabel( { id: 42, display_name: ' Zapier ' } ) ).toBe(
			'Zapier (contact #42)'
		);
		expect( getItemLabel( { id: 42, display_name: '' } ) ).toBe(
			'Contact #42'
		);
	} );
} );

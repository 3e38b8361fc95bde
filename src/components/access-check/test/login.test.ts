/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { suggestLogin } from '../login';

describe( 'suggestLogin', () => {
	it.each( [
		[ 'Zapier', 'zapier' ],
		[ 'Mailchimp Sync', 'mailchimp-sync' ],
		[ 'Café Réseau', 'cafe-reseau' ],
		[ "O'Brien & Co.", 'obrien-co' ],
		[ '  --Zap--  ', 'zap' ],
	] )( 'should turn “%s” into “%s”, as the server does', ( name, login ) => {
		expect( suggestLogin( name, 12 ) ).toBe( login );
	} );

	it( 'should fall back to the contact ID when nothing is left', () => {
		expect( suggestLogin( '日本', 12 ) ).toBe( 'civicrm-contact-12' );
	} );

	it( 'should keep at most 50 characters', () => {
		expect( suggestLogin( 'a'.repeat( 80 ), 12 ) ).toHaveLength( 50 );
	} );
} );

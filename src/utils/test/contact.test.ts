/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import {
	describeKey,
	getContactLabel,
	getContactName,
	getContactTypeLabel,
} from '../contact';
import { makeContact } from '../../../tests/js/fixtures/contact';

describe( 'contact labels', () => {
	it( 'should name a contact with its ID', () => {
		expect( getContactLabel( makeContact() ) ).toBe(
			'Zapier (contact #42)'
		);
	} );

	it( 'should name a contact without a name by its ID', () => {
		const contact = makeContact( { display_name: '  ' } );

		expect( getContactName( contact ) ).toBe( 'Contact #42' );
		expect( getContactLabel( contact ) ).toBe( 'Contact #42' );
	} );

	it( 'should translate known contact types and keep others', () => {
		expect( getContactTypeLabel( 'Household' ) ).toBe( 'Household' );
		expect( getContactTypeLabel( 'Team' ) ).toBe( 'Team' );
	} );

	it( 'should describe a key set without a fingerprint', () => {
		expect( describeKey( { status: 'set', fingerprint: null } ) ).toBe(
			'Key set'
		);
	} );
} );

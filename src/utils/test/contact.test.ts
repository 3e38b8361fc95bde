/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import {
	describeKey,
	describeLastUse,
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

describe( 'describeLastUse', () => {
	it( 'should say when and from where a key was last used', () => {
		expect(
			describeLastUse( { at: '2026-11-23 10:00:00', ip: '192.0.2.1' } )
		).toBe( '2026-11-23 10:00:00 UTC, from 192.0.2.1' );
		expect( describeLastUse( { at: '2026-11-23 10:00:00', ip: '' } ) ).toBe(
			'2026-11-23 10:00:00 UTC'
		);
	} );

	it( 'should say when no use was recorded', () => {
		expect( describeLastUse( null ) ).toBe( 'Not recorded yet' );
	} );
} );

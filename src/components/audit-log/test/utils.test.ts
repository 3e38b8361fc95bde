/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { describeAction, describeActor, summarizeDetails } from '../utils';
import { makeAuditEntry } from '../../../../tests/js/fixtures/inventory';

describe( 'describeAction', () => {
	it.each( [
		[ 'key_set', 'Key set' ],
		[ 'key_rotate', 'Key replaced' ],
		[ 'key_revoke', 'Key revoked' ],
		[ 'key_tested', 'Key tested' ],
		[ 'user_created', 'WordPress user created' ],
		[ 'user_linked', 'WordPress user linked' ],
		[ 'role_applied', 'Role given' ],
		[ 'integration_setup', 'Integration connected' ],
		[ 'contact_created', 'Service contact created' ],
		[ 'contact_deleted', 'Service contact removed (setup undone)' ],
		[ 'user_deleted', 'WordPress user removed (setup undone)' ],
		[ 'role_removed', 'Role removed (setup undone)' ],
		[ 'future_action', 'future_action' ],
	] )( 'should say %s as %p', ( action, words ) => {
		expect( describeAction( action ) ).toBe( words );
	} );
} );

describe( 'describeActor', () => {
	it( 'should prefer the login, then the user ID', () => {
		expect( describeActor( makeAuditEntry() ) ).toBe( 'admin' );
		expect(
			describeActor( makeAuditEntry( { user_login: '', user_id: 5 } ) )
		).toBe( 'User #5' );
		expect(
			describeActor( makeAuditEntry( { user_login: '', user_id: 0 } ) )
		).toBe( 'Nobody logged in' );
	} );
} );

describe( 'summarizeDetails', () => {
	it( 'should say there are none', () => {
		expect( summarizeDetails( {} ) ).toBe( '—' );
	} );

	it( 'should list every detail in one line', () => {
		expect(
			summarizeDetails( {
				role: 'civikey_read',
				permissions: [ 'access CiviCRM', 'view all contacts' ],
				created: true,
				user: { id: 3 },
			} )
		).toBe(
			'role: civikey_read · permissions: access CiviCRM, view all contacts · created: yes · user: {"id":3}'
		);
	} );
} );

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AuditEntry } from '../../api/inventory-types';

/**
 * An audit action in words.
 *
 * @param action Action code, e.g. `key_rotate`.
 * @return E.g. "Key replaced"; an unknown code as is.
 */
export function describeAction( action: string ): string {
	switch ( action ) {
		case 'key_set':
			return __( 'Key set', 'civikey' );
		case 'key_rotate':
			return __( 'Key replaced', 'civikey' );
		case 'key_revoke':
			return __( 'Key revoked', 'civikey' );
		case 'key_tested':
			return __( 'Key tested', 'civikey' );
		case 'user_created':
			return __( 'WordPress user created', 'civikey' );
		case 'user_linked':
			return __( 'WordPress user linked', 'civikey' );
		case 'role_applied':
			return __( 'Role given', 'civikey' );
		case 'integration_setup':
			return __( 'Integration connected', 'civikey' );
		case 'contact_created':
			return __( 'Service contact created', 'civikey' );
		case 'contact_deleted':
			return __( 'Service contact removed (setup undone)', 'civikey' );
		case 'user_deleted':
			return __( 'WordPress user removed (setup undone)', 'civikey' );
		case 'role_removed':
			return __( 'Role removed (setup undone)', 'civikey' );
		default:
			return action;
	}
}

/**
 * Who acted, in words.
 *
 * @param entry Audit entry.
 * @return Their login, their user ID, or that nobody was logged in.
 */
export function describeActor( entry: AuditEntry ): string {
	if ( entry.user_login !== '' ) {
		return entry.user_login;
	}
	if ( entry.user_id > 0 ) {
		return sprintf(
			/* translators: %d: WordPress user ID. */
			__( 'User #%d', 'civikey' ),
			entry.user_id
		);
	}
	return __( 'Nobody logged in', 'civikey' );
}

function describeValue( value: unknown ): string {
	if ( value === true ) {
		return __( 'yes', 'civikey' );
	}
	if ( value === false ) {
		return __( 'no', 'civikey' );
	}
	if ( value === null || value === undefined || value === '' ) {
		return '—';
	}
	if ( Array.isArray( value ) ) {
		return value.map( describeValue ).join( ', ' );
	}
	if ( typeof value === 'object' ) {
		return JSON.stringify( value );
	}
	return String( value );
}

/**
 * An entry's details as one line of text, e.g.
 * "http_status: 200 · with_site_key: no".
 *
 * @param details Details.
 * @return The line; "—" when there are none.
 */
export function summarizeDetails( details: Record< string, unknown > ): string {
	const parts = Object.entries( details ).map( ( [ name, value ] ): string =>
		sprintf(
			/* translators: 1: name of a detail, 2: its value. */
			__( '%1$s: %2$s', 'civikey' ),
			name,
			describeValue( value )
		)
	);
	if ( parts.length === 0 ) {
		return '—';
	}
	return parts.reduce( ( line, part ): string =>
		sprintf(
			/* translators: 1: details so far, 2: one more detail. */
			__( '%1$s · %2$s', 'civikey' ),
			line,
			part
		)
	);
}

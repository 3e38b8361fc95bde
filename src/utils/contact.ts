/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Contact, ContactKey } from '../api/types';

/**
 * The name to show for a contact, even when it has none.
 *
 * @param contact Contact.
 * @return Its display name, or "Contact #ID".
 */
export function getContactName( contact: Contact ): string {
	const name = contact.display_name.trim();
	return name !== ''
		? name
		: sprintf(
				/* translators: %d: CiviCRM contact ID. */
				__( 'Contact #%d', 'civikey' ),
				contact.id
			);
}

/**
 * A contact's name with its ID, to say exactly which contact an action is
 * about, e.g. "Zapier (contact #42)".
 *
 * @param contact Contact.
 * @return The label.
 */
export function getContactLabel( contact: Contact ): string {
	if ( contact.display_name.trim() === '' ) {
		return getContactName( contact );
	}
	return sprintf(
		/* translators: 1: contact name, 2: CiviCRM contact ID. */
		__( '%1$s (contact #%2$d)', 'civikey' ),
		contact.display_name.trim(),
		contact.id
	);
}

/**
 * CiviCRM's contact type, translated.
 *
 * @param type `Individual`, `Organization`, `Household` or a custom type.
 * @return The type in words.
 */
export function getContactTypeLabel( type: string ): string {
	switch ( type ) {
		case 'Individual':
			return __( 'Individual', 'civikey' );
		case 'Organization':
			return __( 'Organization', 'civikey' );
		case 'Household':
			return __( 'Household', 'civikey' );
		default:
			return type;
	}
}

/**
 * A contact's key status in words; never more than its fingerprint.
 *
 * @param key Key status.
 * @return E.g. "Key ending …WXYZ (32 characters)".
 */
export function describeKey( key: ContactKey ): string {
	switch ( key.status ) {
		case 'none':
			return __( 'No key', 'civikey' );
		case 'hidden':
			return __( 'Hidden — you may not see keys', 'civikey' );
	}
	if ( ! key.fingerprint ) {
		return __( 'Key set', 'civikey' );
	}
	if ( key.fingerprint.last4 === '' ) {
		return sprintf(
			/* translators: %d: number of characters of the key. */
			__(
				'Key set (%d characters, too short to show its end)',
				'civikey'
			),
			key.fingerprint.length
		);
	}
	return sprintf(
		/* translators: 1: last four characters of the key, 2: its length. */
		__( 'Key ending …%1$s (%2$d characters)', 'civikey' ),
		key.fingerprint.last4,
		key.fingerprint.length
	);
}

/**
 * When a key was last used, in words.
 *
 * @param lastUsed From the server: UTC date-time and IP, or null.
 * @return E.g. "2026-11-23 10:00:00 UTC, from 192.0.2.1".
 */
export function describeLastUse(
	lastUsed: { at: string; ip: string } | null
): string {
	if ( ! lastUsed ) {
		return __( 'Not recorded yet', 'civikey' );
	}
	if ( lastUsed.ip === '' ) {
		return sprintf(
			/* translators: %s: date and time in UTC. */
			__( '%s UTC', 'civikey' ),
			lastUsed.at
		);
	}
	return sprintf(
		/* translators: 1: date and time in UTC, 2: IP address. */
		__( '%1$s UTC, from %2$s', 'civikey' ),
		lastUsed.at,
		lastUsed.ip
	);
}

/**
 * Formatting shared by the Inventory and Audit views: dates the server sends
 * in UTC, shown in the site's language and the browser's time zone.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * The language of the admin screen: WordPress prints it on `<html lang>`.
 *
 * @return A BCP 47 tag, or undefined for the browser's.
 */
function getLocale(): string | undefined {
	const lang =
		typeof document === 'undefined' ? '' : document.documentElement.lang;
	if ( ! lang ) {
		return undefined;
	}
	try {
		return Intl.getCanonicalLocales( lang )[ 0 ];
	} catch {
		return undefined;
	}
}

/**
 * Reads a MySQL UTC date-time (`Y-m-d H:i:s`).
 *
 * @param value Date-time from the server.
 * @return The date, or null when it cannot be read.
 */
export function parseUtc( value: string ): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(
		value
	);
	if ( ! match ) {
		return null;
	}
	const [ year, month, day, hour, minute, second ] = match
		.slice( 1 )
		.map( Number );
	const date = new Date(
		Date.UTC( year, month - 1, day, hour, minute, second )
	);
	return Number.isNaN( date.getTime() ) ? null : date;
}

/**
 * The UTC date-time as the server sent it, marked as UTC, for a title.
 *
 * @param value Date-time from the server.
 * @return E.g. "2024-05-01 10:00:00 UTC".
 */
export function formatUtc( value: string ): string {
	return sprintf(
		/* translators: %s: date and time, e.g. 2024-05-01 10:00:00. */
		__( '%s UTC', 'civikey' ),
		value
	);
}

/**
 * A date and time in the admin's language.
 *
 * @param date Date.
 * @return E.g. "1 May 2024, 12:00".
 */
export function formatDateTime( date: Date ): string {
	return new Intl.DateTimeFormat( getLocale(), {
		dateStyle: 'medium',
		timeStyle: 'short',
	} ).format( date );
}

const UNITS: Array< [ Intl.RelativeTimeFormatUnit, number ] > = [
	[ 'year', 365 * 24 * 3600 ],
	[ 'month', 30 * 24 * 3600 ],
	[ 'week', 7 * 24 * 3600 ],
	[ 'day', 24 * 3600 ],
	[ 'hour', 3600 ],
	[ 'minute', 60 ],
];

/**
 * How long ago a date was, in the admin's language.
 *
 * @param date Date.
 * @param now  The current time.
 * @return E.g. "3 days ago", "yesterday".
 */
export function formatRelative( date: Date, now: Date = new Date() ): string {
	const seconds = Math.round( ( date.getTime() - now.getTime() ) / 1000 );
	const format = new Intl.RelativeTimeFormat( getLocale(), {
		numeric: 'auto',
	} );
	for ( const [ unit, size ] of UNITS ) {
		if ( Math.abs( seconds ) >= size ) {
			return format.format( Math.trunc( seconds / size ), unit );
		}
	}
	return format.format( 0, 'minute' );
}

/**
 * A contact's name with its ID, e.g. "Zapier (contact #42)"; the same
 * wording as the key screens.
 *
 * @param contact              Contact.
 * @param contact.id           CiviCRM contact ID.
 * @param contact.display_name Its name; may be empty.
 * @return The label.
 */
export function getItemLabel( contact: {
	id: number;
	display_name: string;
} ): string {
	const name = contact.display_name.trim();
	if ( name === '' ) {
		return sprintf(
			/* translators: %d: CiviCRM contact ID. */
			__( 'Contact #%d', 'civikey' ),
			contact.id
		);
	}
	return sprintf(
		/* translators: 1: contact name, 2: CiviCRM contact ID. */
		__( '%1$s (contact #%2$d)', 'civikey' ),
		name,
		contact.id
	);
}

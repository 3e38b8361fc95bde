/**
 * Internal dependencies
 */
import { isRecord } from './guards';
import { INVENTORY_PER_PAGE, MAX_PER_REQUEST, clampInteger } from './inventory';
import type { AuditEntry, AuditQuery, Paged } from './inventory-types';
import { fetchPage } from './paged';
import type { RequestOptions } from './types';

export const AUDIT_PATH = '/civikey/v1/audit';

/** Entries per page when the caller does not say (the server's default). */
export const AUDIT_PER_PAGE = INVENTORY_PER_PAGE;

/**
 * Cheap shape check of one audit entry. PHP sends empty details as `[]`;
 * they are accepted (and read as `{}` by `getAuditLog()`).
 *
 * @param value Anything.
 * @return Whether it looks like an AuditEntry.
 */
export function isAuditEntry( value: unknown ): value is AuditEntry {
	return (
		isRecord( value ) &&
		typeof value.id === 'number' &&
		typeof value.created_at === 'string' &&
		typeof value.user_id === 'number' &&
		typeof value.user_login === 'string' &&
		( value.contact_id === null || typeof value.contact_id === 'number' ) &&
		typeof value.action === 'string' &&
		( value.result === 'success' || value.result === 'failure' ) &&
		isRecord( value.details ) &&
		typeof value.ip === 'string'
	);
}

/**
 * A page of the audit trail, newest first.
 *
 * @param query           Paging and filter.
 * @param query.page      Page, from 1.
 * @param query.perPage   Entries per page, 1 to 200.
 * @param query.contactId Only entries about this contact.
 * @param options         Request options.
 * @return The page. Rejects with an `ApiError`.
 */
export async function getAuditLog(
	{ page, perPage, contactId = null }: AuditQuery = {},
	options?: RequestOptions
): Promise< Paged< AuditEntry > > {
	const query = new URLSearchParams( {
		page: String( clampInteger( page, 1 ) ),
		per_page: String(
			clampInteger( perPage, AUDIT_PER_PAGE, MAX_PER_REQUEST )
		),
	} );
	if (
		contactId !== null &&
		Number.isSafeInteger( contactId ) &&
		contactId > 0
	) {
		query.set( 'contact_id', String( contactId ) );
	}
	const found = await fetchPage(
		`${ AUDIT_PATH }?${ query.toString() }`,
		isAuditEntry,
		options
	);
	return {
		...found,
		items: found.items.map( ( entry ) =>
			Array.isArray( entry.details ) ? { ...entry, details: {} } : entry
		),
	};
}

/**
 * The URL of the audit trail's CSV download, as the admin page printed it
 * (it carries a nonce, so only the server can make it).
 *
 * @return An http(s) URL, or null when the page printed none.
 */
export function getAuditCsvUrl(): string | null {
	const url =
		typeof window === 'undefined'
			? undefined
			: window.civikeyAdmin?.auditCsvUrl;
	if ( typeof url !== 'string' || url === '' ) {
		return null;
	}
	try {
		const { protocol } = new URL( url, window.location.href );
		return protocol === 'https:' || protocol === 'http:' ? url : null;
	} catch {
		return null;
	}
}

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import {
	createInvalidContactIdError,
	createInvalidResponseError,
	normalizeError,
} from './errors';
import {
	isConnection,
	isContact,
	isKeyChange,
	isRecord,
	isSiteKeyInfo,
} from './guards';
import { fetchPage } from './paged';
import type {
	Connection,
	Contact,
	ContactPage,
	ContactSearchQuery,
	KeyChange,
	NewServiceContact,
	RequestOptions,
	SiteKeyInfo,
	Status,
} from './types';

export const STATUS_PATH = '/civikey/v1/status';
export const CONTACTS_PATH = '/civikey/v1/contacts';
export const SITE_KEY_PATH = '/civikey/v1/site-key';
export const SITE_KEY_REVEAL_PATH = '/civikey/v1/site-key/reveal';
export const CONNECTION_PATH = '/civikey/v1/connection';

/** Contacts per page when the caller does not say. */
export const DEFAULT_PER_PAGE = 10;

/**
 * Cheap sanity check, so a misbehaving proxy or plugin cannot crash the page.
 *
 * @param value Parsed response body.
 * @return Whether it looks like a Status.
 */
function isStatus( value: unknown ): value is Status {
	return (
		isRecord( value ) &&
		isRecord( value.civicrm ) &&
		typeof value.civicrm.state === 'string' &&
		isRecord( value.authx ) &&
		typeof value.authx.state === 'string' &&
		isRecord( value.access ) &&
		typeof value.access.can_manage_keys === 'boolean'
	);
}

/** What `request()` may send. */
interface RequestInit extends RequestOptions {
	method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** JSON request body. Secrets go here, never in the path. */
	data?: Record< string, unknown >;
}

/**
 * Requests `path` and normalises any failure into an `ApiError`.
 *
 * @param path           REST route, e.g. `/civikey/v1/status`.
 * @param options        Request options.
 * @param options.signal Aborts the request.
 * @param options.method HTTP method; GET when not given.
 * @param options.data   JSON body.
 * @return The parsed JSON body.
 */
async function request(
	path: string,
	{ signal, method, data }: RequestInit = {}
): Promise< unknown > {
	try {
		return await apiFetch< unknown >( {
			path,
			signal,
			...( method && method !== 'GET' ? { method } : {} ),
			...( data ? { data } : {} ),
		} );
	} catch ( error ) {
		throw normalizeError( error );
	}
}

/**
 * Checks a parsed body with `guard`, or rejects with `invalid_response`.
 *
 * @param body  Parsed response body.
 * @param guard Shape check.
 * @return The body, typed.
 */
function expectShape< T >(
	body: unknown,
	guard: ( value: unknown ) => value is T
): T {
	if ( ! guard( body ) ) {
		throw createInvalidResponseError();
	}
	return body;
}

/**
 * The path of one contact, or of its key.
 *
 * @param id     Contact ID.
 * @param suffix Sub-resource, e.g. `/key`.
 * @return The path.
 */
function contactPath( id: number, suffix = '' ): string {
	if ( ! Number.isSafeInteger( id ) || id < 1 ) {
		throw createInvalidContactIdError();
	}
	return `${ CONTACTS_PATH }/${ id }${ suffix }`;
}

/**
 * Reads whether CiviCRM, AuthX and the current user are ready for API keys.
 *
 * @param options Request options.
 * @return The status. Rejects with an `ApiError`.
 */
export async function getStatus( options?: RequestOptions ): Promise< Status > {
	return expectShape( await request( STATUS_PATH, options ), isStatus );
}

/**
 * Finds contacts by part of a name or email, or by contact ID.
 *
 * @param query          Search and paging.
 * @param query.search   Text to look for.
 * @param query.page     Page, from 1.
 * @param query.perPage  Contacts per page, 1 to 100.
 * @param options        Request options.
 * @param options.signal
 * @return A page of contacts with the totals. Rejects with an `ApiError`.
 */
export async function searchContacts(
	{ search, page = 1, perPage = DEFAULT_PER_PAGE }: ContactSearchQuery,
	{ signal }: RequestOptions = {}
): Promise< ContactPage > {
	const query = new URLSearchParams( {
		search,
		page: String( page ),
		per_page: String( perPage ),
	} );

	const found = await fetchPage(
		`${ CONTACTS_PATH }?${ query.toString() }`,
		isContact,
		{ signal }
	);
	return {
		contacts: found.items,
		total: found.total,
		totalPages: found.totalPages,
	};
}

/**
 * Reads one contact.
 *
 * @param id      Contact ID.
 * @param options Request options.
 * @return The contact. Rejects with an `ApiError`
 *         (`civikey_contact_not_found` when there is none).
 */
export async function getContact(
	id: number,
	options?: RequestOptions
): Promise< Contact > {
	return expectShape(
		await request( contactPath( id ), options ),
		isContact
	);
}

/**
 * Creates a service contact: a contact standing for an outside service.
 *
 * @param contact Type and name.
 * @param options Request options.
 * @return The new contact. Rejects with an `ApiError`.
 */
export async function createServiceContact(
	contact: NewServiceContact,
	options?: RequestOptions
): Promise< Contact > {
	return expectShape(
		await request( CONTACTS_PATH, {
			...options,
			method: 'POST',
			data: { contact_type: contact.contact_type, name: contact.name },
		} ),
		isContact
	);
}

/**
 * Gives a contact a key, or replaces its key.
 *
 * The key travels in the JSON body only: never in the URL, where it would be
 * kept in server logs and browser history.
 *
 * @param id               Contact ID.
 * @param key              The new key.
 * @param settings         What the admin confirmed.
 * @param settings.replace Whether the admin confirmed replacing an existing
 *                         key; without it, the server refuses to replace one
 *                         (409 `civikey_key_exists`).
 * @param options          Request options.
 * @return What was done and the contact as it now is.
 */
export async function setContactKey(
	id: number,
	key: string,
	{ replace = false }: { replace?: boolean } = {},
	options?: RequestOptions
): Promise< KeyChange > {
	return expectShape(
		await request( contactPath( id, '/key' ), {
			...options,
			method: 'PUT',
			data: replace ? { key, replace: true } : { key },
		} ),
		isKeyChange
	);
}

/**
 * Removes a contact's key: whatever uses it stops working.
 *
 * @param id      Contact ID.
 * @param options Request options.
 * @return What was done and the contact as it now is
 *         (409 `civikey_no_key` when it had no key).
 */
export async function revokeContactKey(
	id: number,
	options?: RequestOptions
): Promise< KeyChange > {
	return expectShape(
		await request( contactPath( id, '/key' ), {
			...options,
			method: 'DELETE',
		} ),
		isKeyChange
	);
}

/**
 * Whether CiviCRM's site key is defined, and its length; never the key.
 *
 * @param options Request options.
 * @return The site key information.
 */
export async function getSiteKeyInfo(
	options?: RequestOptions
): Promise< SiteKeyInfo > {
	return expectShape(
		await request( SITE_KEY_PATH, options ),
		isSiteKeyInfo
	);
}

/**
 * The site key itself. Keep it in component state only.
 *
 * @param options Request options.
 * @return The site key (403 `civikey_site_key_forbidden` when not allowed).
 */
export async function revealSiteKey(
	options?: RequestOptions
): Promise< string > {
	const body = await request( SITE_KEY_REVEAL_PATH, {
		...options,
		method: 'POST',
	} );
	if ( ! isRecord( body ) || typeof body.site_key !== 'string' ) {
		throw createInvalidResponseError();
	}
	return body.site_key;
}

/**
 * How outside clients reach CiviCRM's REST API on this site.
 *
 * @param options Request options.
 * @return The connection details.
 */
export async function getConnection(
	options?: RequestOptions
): Promise< Connection > {
	return expectShape(
		await request( CONNECTION_PATH, options ),
		isConnection
	);
}

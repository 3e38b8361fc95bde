/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { createInvalidResponseError, normalizeError } from './errors';
import { isRecord } from './guards';
import type {
	InventoryItem,
	InventoryQuery,
	Paged,
	ProblemLabels,
	RevokeResult,
} from './inventory-types';
import { fetchPage } from './paged';
import type { RequestOptions } from './types';

export const INVENTORY_PATH = '/civikey/v1/inventory';
export const INVENTORY_PROBLEMS_PATH = '/civikey/v1/inventory/problems';
export const INVENTORY_REVOKE_PATH = '/civikey/v1/inventory/revoke';

/** Keys per page when the caller does not say (the server's default). */
export const INVENTORY_PER_PAGE = 50;
/** Most items the server gives, or revokes, in one request. */
export const MAX_PER_REQUEST = 200;

function isStringOrNull( value: unknown ): value is string | null {
	return value === null || typeof value === 'string';
}

function isStringList( value: unknown ): value is string[] {
	return (
		Array.isArray( value ) &&
		value.every( ( item ) => typeof item === 'string' )
	);
}

function isInventoryKey( value: unknown ): value is InventoryItem[ 'key' ] {
	if ( ! isRecord( value ) || typeof value.length !== 'number' ) {
		return false;
	}
	const { fingerprint } = value;
	return (
		fingerprint === null ||
		( isRecord( fingerprint ) &&
			typeof fingerprint.last4 === 'string' &&
			typeof fingerprint.length === 'number' )
	);
}

function isInventoryUser( value: unknown ): value is InventoryItem[ 'user' ] {
	return (
		value === null ||
		( isRecord( value ) &&
			typeof value.id === 'number' &&
			typeof value.exists === 'boolean' &&
			isStringOrNull( value.login ) &&
			isStringList( value.roles ) )
	);
}

function isLastUse( value: unknown ): value is InventoryItem[ 'last_used' ] {
	return (
		value === null ||
		( isRecord( value ) &&
			typeof value.at === 'string' &&
			typeof value.ip === 'string' )
	);
}

/**
 * Cheap shape check of one inventory item.
 *
 * @param value Anything.
 * @return Whether it looks like an InventoryItem.
 */
export function isInventoryItem( value: unknown ): value is InventoryItem {
	return (
		isRecord( value ) &&
		typeof value.id === 'number' &&
		typeof value.display_name === 'string' &&
		typeof value.contact_type === 'string' &&
		typeof value.is_deleted === 'boolean' &&
		isInventoryKey( value.key ) &&
		isInventoryUser( value.user ) &&
		isLastUse( value.last_used ) &&
		isStringOrNull( value.last_changed ) &&
		isStringList( value.problems )
	);
}

function isRevokeResult( value: unknown ): value is RevokeResult {
	return (
		isRecord( value ) &&
		typeof value.contact_id === 'number' &&
		typeof value.revoked === 'boolean' &&
		( value.code === undefined || typeof value.code === 'string' ) &&
		( value.message === undefined || typeof value.message === 'string' )
	);
}

/**
 * A page number or page size the server accepts.
 *
 * @param value    Requested value.
 * @param fallback Value when it is not a positive integer.
 * @param max      Largest value allowed.
 * @return The value to send.
 */
export function clampInteger(
	value: number | undefined,
	fallback: number,
	max = Number.MAX_SAFE_INTEGER
): number {
	if ( value === undefined || ! Number.isSafeInteger( value ) || value < 1 ) {
		return fallback;
	}
	return Math.min( value, max );
}

/**
 * A page of the contacts holding a key, with the problems of each.
 *
 * @param query         Paging and filter.
 * @param query.page    Page, from 1.
 * @param query.perPage Keys per page, 1 to 200.
 * @param query.problem `any`, a problem code, or empty for every key.
 * @param query.orderBy Order of the keys across every page (by the server).
 * @param query.order   `asc` or `desc`.
 * @param options       Request options.
 * @return The page. Rejects with an `ApiError`.
 */
export function getInventory(
	{ page, perPage, problem = '', orderBy, order }: InventoryQuery = {},
	options?: RequestOptions
): Promise< Paged< InventoryItem > > {
	const query = new URLSearchParams( {
		page: String( clampInteger( page, 1 ) ),
		per_page: String(
			clampInteger( perPage, INVENTORY_PER_PAGE, MAX_PER_REQUEST )
		),
	} );
	if ( problem !== '' ) {
		query.set( 'problem', problem );
	}
	if ( orderBy ) {
		query.set( 'orderby', orderBy );
	}
	if ( order ) {
		query.set( 'order', order );
	}
	return fetchPage(
		`${ INVENTORY_PATH }?${ query.toString() }`,
		isInventoryItem,
		options
	);
}

/**
 * The label of each problem, translated by the server.
 *
 * @param options Request options.
 * @return Labels by problem code. Rejects with an `ApiError`.
 */
export async function getProblemLabels(
	options: RequestOptions = {}
): Promise< ProblemLabels > {
	let body: unknown;
	try {
		body = await apiFetch< unknown >( {
			path: INVENTORY_PROBLEMS_PATH,
			signal: options.signal,
		} );
	} catch ( error ) {
		throw normalizeError( error );
	}
	if (
		! isRecord( body ) ||
		Array.isArray( body ) ||
		! Object.values( body ).every( ( label ) => typeof label === 'string' )
	) {
		throw createInvalidResponseError();
	}
	return body as ProblemLabels;
}

/**
 * Revokes the keys of several contacts at once: whatever uses them stops
 * working. Each contact gets its own result (and its own audit entry).
 *
 * @param contactIds Contacts, 1 to 200, each sent once.
 * @param options    Request options.
 * @return One result per contact. Rejects with an `ApiError` when nothing
 *         was done.
 */
export async function revokeKeys(
	contactIds: number[],
	options: RequestOptions = {}
): Promise< RevokeResult[] > {
	const ids = Array.from( new Set( contactIds ) );
	if (
		ids.length === 0 ||
		ids.length > MAX_PER_REQUEST ||
		! ids.every( ( id ) => Number.isSafeInteger( id ) && id > 0 )
	) {
		throw normalizeError( {
			// A bug in the screen, not something the admin did: the generic
			// "reload and try again" message.
			code: 'invalid_contact_ids',
			message: '',
		} );
	}
	let body: unknown;
	try {
		body = await apiFetch< unknown >( {
			path: INVENTORY_REVOKE_PATH,
			method: 'POST',
			data: { contact_ids: ids },
			signal: options.signal,
		} );
	} catch ( error ) {
		throw normalizeError( error );
	}
	if ( ! Array.isArray( body ) || ! body.every( isRevokeResult ) ) {
		throw createInvalidResponseError();
	}
	return body;
}

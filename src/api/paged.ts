/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import {
	createInvalidResponseError,
	isResponseLike,
	normalizeError,
	normalizeResponseError,
} from './errors';
import type { Paged } from './inventory-types';
import type { RequestOptions } from './types';

/**
 * Reads an integer response header.
 *
 * @param response Response.
 * @param name     Header name.
 * @return Its value, or null when missing or not a number.
 */
function readIntegerHeader( response: Response, name: string ): number | null {
	const value = Number.parseInt( response.headers.get( name ) ?? '', 10 );
	return Number.isFinite( value ) && value >= 0 ? value : null;
}

/**
 * Requests one page of a list route with `parse: false`, to read the totals
 * WordPress sends in the `X-WP-Total` and `X-WP-TotalPages` headers.
 *
 * @param path           Route with its query string.
 * @param guard          Shape check of one item.
 * @param options        Request options.
 * @param options.signal Aborts the request.
 * @return The page. Rejects with an `ApiError`.
 */
export async function fetchPage< T >(
	path: string,
	guard: ( value: unknown ) => value is T,
	{ signal }: RequestOptions = {}
): Promise< Paged< T > > {
	let response: unknown;
	try {
		response = await apiFetch< Response, false >( {
			path,
			signal,
			parse: false,
		} );
	} catch ( error ) {
		throw await normalizeResponseError( error );
	}
	if ( ! isResponseLike( response ) ) {
		throw createInvalidResponseError();
	}

	let body: unknown;
	try {
		body = await response.json();
	} catch {
		throw normalizeError( { code: 'invalid_json', message: '' } );
	}
	if ( ! Array.isArray( body ) || ! body.every( guard ) ) {
		throw createInvalidResponseError();
	}

	return {
		items: body,
		total: readIntegerHeader( response, 'X-WP-Total' ) ?? body.length,
		totalPages: Math.max(
			1,
			readIntegerHeader( response, 'X-WP-TotalPages' ) ?? 1
		),
	};
}

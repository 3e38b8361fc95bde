/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { createInvalidResponseError, normalizeError } from './errors';
import type { RequestOptions, Status } from './types';

export const STATUS_PATH = '/civikey/v1/status';

function isRecord( value: unknown ): value is Record< string, unknown > {
	return typeof value === 'object' && value !== null;
}

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

/**
 * Requests `path` and normalises any failure into an `ApiError`.
 *
 * @param path           REST route, e.g. `/civikey/v1/status`.
 * @param options        Request options.
 * @param options.signal Aborts the request.
 * @return The parsed JSON body.
 */
async function request(
	path: string,
	{ signal }: RequestOptions = {}
): Promise< unknown > {
	try {
		return await apiFetch< unknown >( { path, signal } );
	} catch ( error ) {
		throw normalizeError( error );
	}
}

/**
 * Reads whether CiviCRM, AuthX and the current user are ready for API keys.
 *
 * @param options Request options.
 * @return The status. Rejects with an `ApiError`.
 */
export async function getStatus( options?: RequestOptions ): Promise< Status > {
	const body = await request( STATUS_PATH, options );
	if ( ! isStatus( body ) ) {
		throw createInvalidResponseError();
	}
	return body;
}

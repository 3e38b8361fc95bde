/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ApiError } from './types';

/** The server answered with something that is not JSON (e.g. a PHP error). */
export const INVALID_JSON = 'invalid_json';
/** The server answered with JSON of an unexpected shape. */
export const INVALID_RESPONSE = 'invalid_response';
/** The request never reached the server, or no answer came back. */
export const FETCH_ERROR = 'fetch_error';
/** The browser reports being offline. */
export const OFFLINE_ERROR = 'offline_error';
/** The request was aborted. */
export const ABORTED = 'aborted';
/** A contact ID that is not a positive integer; nothing was sent. */
export const INVALID_CONTACT_ID = 'invalid_contact_id';
/** Anything else. */
export const UNKNOWN_ERROR = 'unknown_error';

const NONCE_ERROR = 'rest_cookie_invalid_nonce';

function isRecord( value: unknown ): value is Record< string, unknown > {
	return typeof value === 'object' && value !== null;
}

function getHttpStatus( error: Record< string, unknown > ): number | undefined {
	const { data } = error;
	if ( isRecord( data ) && typeof data.status === 'number' ) {
		return data.status;
	}
	return undefined;
}

function getNetworkMessage(): string {
	return __(
		'CiviKey could not reach the WordPress REST API. Check your connection and try again. If this keeps happening, make sure no security plugin or server rule blocks the REST API.',
		'civikey'
	);
}

function getInvalidResponseMessage(): string {
	return __(
		'The server sent a response CiviKey could not read, often because of a PHP error or output from another plugin. Check the PHP error log, then try again.',
		'civikey'
	);
}

function getUnknownMessage(): string {
	return __(
		'Something went wrong while talking to the server. Reload the page and try again.',
		'civikey'
	);
}

/**
 * Error for a response whose JSON does not have the expected shape.
 *
 * @return The normalised error.
 */
export function createInvalidResponseError(): ApiError {
	return { code: INVALID_RESPONSE, message: getInvalidResponseMessage() };
}

/**
 * Error for a contact ID that cannot be one (a bug, or a tampered page).
 *
 * @return The normalised error.
 */
export function createInvalidContactIdError(): ApiError {
	return {
		code: INVALID_CONTACT_ID,
		message: __(
			'That contact ID is not valid. Search for the contact again.',
			'civikey'
		),
	};
}

/**
 * Turns whatever `apiFetch` rejected with into an `ApiError`.
 *
 * `apiFetch` rejects with the server's WP_Error JSON
 * (`{ code, message, data: { status } }`), with its own
 * `invalid_json` / `fetch_error` / `offline_error` objects, or with an
 * `AbortError`. Anything without a usable message gets a sentence the admin
 * can act on.
 *
 * @param error The rejection reason.
 * @return The normalised error.
 */
export function normalizeError( error: unknown ): ApiError {
	if ( ! isRecord( error ) ) {
		return { code: UNKNOWN_ERROR, message: getUnknownMessage() };
	}

	if ( error.name === 'AbortError' ) {
		return {
			code: ABORTED,
			message: __( 'The request was cancelled. Try again.', 'civikey' ),
		};
	}

	const code =
		typeof error.code === 'string' && error.code !== ''
			? error.code
			: undefined;

	switch ( code ) {
		case undefined:
			// A thrown Error (e.g. TypeError: Failed to fetch) or an
			// unknown object: its text, if any, is not meant for admins.
			return { code: UNKNOWN_ERROR, message: getNetworkMessage() };
		case FETCH_ERROR:
		case OFFLINE_ERROR:
			return { code, message: getNetworkMessage() };
		case INVALID_JSON:
			return { code, message: getInvalidResponseMessage() };
	}

	const status = getHttpStatus( error );
	const result: ApiError = { code, message: getUnknownMessage() };
	if ( status !== undefined ) {
		result.status = status;
	}

	if ( code === NONCE_ERROR ) {
		result.message = __(
			'Your session has expired. Reload the page, log in again if asked, and try again.',
			'civikey'
		);
	} else if (
		typeof error.message === 'string' &&
		error.message.trim() !== ''
	) {
		// WordPress translates WP_Error messages on the server.
		result.message = error.message;
	}

	return result;
}

/**
 * Whether `value` looks like a fetch `Response`. With `parse: false`,
 * `apiFetch` rejects with the raw response of a failed request.
 *
 * @param value Anything.
 * @return Whether it has what CiviKey reads from a response.
 */
export function isResponseLike( value: unknown ): value is Response {
	return (
		isRecord( value ) &&
		typeof value.status === 'number' &&
		typeof value.json === 'function' &&
		isRecord( value.headers ) &&
		typeof value.headers.get === 'function'
	);
}

/**
 * Like `normalizeError()`, for requests made with `parse: false`: reads the
 * WP_Error out of a failed response first.
 *
 * @param error The rejection reason: a `Response` or anything else.
 * @return The normalised error.
 */
export async function normalizeResponseError(
	error: unknown
): Promise< ApiError > {
	if ( ! isResponseLike( error ) ) {
		return normalizeError( error );
	}
	let body: unknown;
	try {
		body = await error.json();
	} catch {
		return {
			code: INVALID_JSON,
			message: getInvalidResponseMessage(),
			status: error.status,
		};
	}
	if ( ! isRecord( body ) ) {
		return {
			code: INVALID_RESPONSE,
			message: getInvalidResponseMessage(),
			status: error.status,
		};
	}
	const data = isRecord( body.data ) ? body.data : {};
	return normalizeError( {
		...body,
		data: { ...data, status: error.status },
	} );
}

/**
 * Client of the "Will this key work?" routes: the report, its fixes, the
 * live key test, and the WordPress user search the link fix needs.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { CONTACTS_PATH } from './client';
import {
	createInvalidContactIdError,
	createInvalidResponseError,
	normalizeError,
} from './errors';
import { isContact, isRecord } from './guards';
import {
	CUSTOM_PROFILE,
	type AccessCheck,
	type AccessProfile,
	type AccessReport,
	type AccessRequirement,
	type CheckStatus,
	type FixId,
	type KeyTestResult,
	type PermissionRow,
	type RoleChange,
	type RunsAs,
	type UserChange,
	type UserLinkedElsewhereError,
	type WpUser,
} from './access-types';
import type { ApiError, RequestOptions } from './types';

export const PROFILES_PATH = '/civikey/v1/profiles';
export const USERS_PATH = '/wp/v2/users';

/** The 409 code of a link to a user linked to another contact. */
export const USER_LINKED_ELSEWHERE = 'civikey_user_linked_elsewhere';

/** Users per search in the picker. */
export const USERS_PER_PAGE = 10;

const VERDICTS = [ 'works', 'anonymous', 'refused' ];
const CHECK_STATUSES: CheckStatus[] = [ 'pass', 'fail', 'warn', 'info' ];
const FIXES: FixId[] = [
	'create_user',
	'link_user',
	'apply_role',
	'open_extensions',
	'open_authx_settings',
	'restore_contact',
];

/** What `send()` may send. */
interface SendInit extends RequestOptions {
	method?: 'GET' | 'POST';
	/** JSON request body. Secrets go here, never in the path. */
	data?: Record< string, unknown >;
}

/**
 * Requests `path`; rejects with an `ApiError` (see `normalizeError()`).
 *
 * @param path           REST route with its query string.
 * @param options        Request options.
 * @param options.signal Aborts the request.
 * @param options.method HTTP method; GET when not given.
 * @param options.data   JSON body.
 * @return The parsed JSON body.
 */
async function send(
	path: string,
	{ signal, method, data }: SendInit = {}
): Promise< unknown > {
	try {
		return await apiFetch< unknown >( {
			path,
			signal,
			...( method === 'POST' ? { method } : {} ),
			...( data ? { data } : {} ),
		} );
	} catch ( error ) {
		throw normalizeError( error );
	}
}

/**
 * The path of a contact's sub-resource.
 *
 * @param id     Contact ID.
 * @param suffix E.g. `/report`.
 * @return The path.
 */
function contactPath( id: number, suffix: string ): string {
	if ( ! Number.isSafeInteger( id ) || id < 1 ) {
		throw createInvalidContactIdError();
	}
	return `${ CONTACTS_PATH }/${ id }${ suffix }`;
}

function isString( value: unknown ): value is string {
	return typeof value === 'string';
}

function isStringList( value: unknown ): value is string[] {
	return Array.isArray( value ) && value.every( isString );
}

function isIdOrNull( value: unknown ): value is number | null {
	return value === null || typeof value === 'number';
}

function isProfile( value: unknown ): value is AccessProfile {
	return (
		isRecord( value ) &&
		isString( value.name ) &&
		isString( value.label ) &&
		isString( value.description ) &&
		isStringList( value.permissions )
	);
}

function isPermissionRow( value: unknown ): value is PermissionRow {
	return (
		isRecord( value ) &&
		isString( value.permission ) &&
		isString( value.capability ) &&
		typeof value.required === 'boolean' &&
		typeof value.present === 'boolean'
	);
}

function isRunsAs( value: unknown ): value is RunsAs {
	return (
		isRecord( value ) &&
		( value.type === 'user' || value.type === 'anonymous' ) &&
		isIdOrNull( value.user_id ) &&
		( value.login === null || isString( value.login ) )
	);
}

/**
 * A check line, or null when it is not one. A fix this screen does not know
 * (from a newer server) becomes null: the sentence saying how still shows.
 *
 * @param value Anything.
 * @return The check.
 */
function toCheck( value: unknown ): AccessCheck | null {
	if (
		! isRecord( value ) ||
		! isString( value.id ) ||
		! CHECK_STATUSES.includes( value.status as CheckStatus ) ||
		! isString( value.message ) ||
		! ( value.fix_how === null || isString( value.fix_how ) )
	) {
		return null;
	}
	return {
		id: value.id,
		status: value.status as CheckStatus,
		message: value.message,
		fix: FIXES.includes( value.fix as FixId )
			? ( value.fix as FixId )
			: null,
		fix_how: value.fix_how,
	};
}

/**
 * The report, checked.
 *
 * @param body Parsed response body.
 * @return The report. Throws `invalid_response` when it is not one.
 */
function toReport( body: unknown ): AccessReport {
	if (
		! isRecord( body ) ||
		! VERDICTS.includes( body.verdict as string ) ||
		! isString( body.summary ) ||
		typeof body.needs_site_key !== 'boolean' ||
		! isRunsAs( body.runs_as ) ||
		! Array.isArray( body.checks ) ||
		! Array.isArray( body.permissions ) ||
		! body.permissions.every( isPermissionRow ) ||
		! Array.isArray( body.warnings ) ||
		! isContact( body.contact )
	) {
		throw createInvalidResponseError();
	}
	const checks = body.checks.map( toCheck );
	const warnings = body.warnings.filter(
		( warning ): warning is AccessReport[ 'warnings' ][ number ] =>
			isRecord( warning ) &&
			isString( warning.id ) &&
			isString( warning.message )
	);
	if (
		checks.some( ( check ) => check === null ) ||
		warnings.length !== body.warnings.length
	) {
		throw createInvalidResponseError();
	}
	return {
		verdict: body.verdict as AccessReport[ 'verdict' ],
		summary: body.summary,
		needs_site_key: body.needs_site_key,
		runs_as: body.runs_as,
		checks: checks as AccessCheck[],
		permissions: body.permissions,
		warnings,
		contact: body.contact,
	};
}

/**
 * The query string naming a requirement. `permissions[]` goes only with the
 * custom profile, as the server expects.
 *
 * @param requirement What the integration must do.
 * @return E.g. `profile=custom&permissions%5B%5D=view+all+contacts`.
 */
export function requirementQuery( requirement: AccessRequirement ): string {
	const query = new URLSearchParams( { profile: requirement.profile } );
	if ( requirement.profile === CUSTOM_PROFILE ) {
		for ( const permission of requirement.permissions ?? [] ) {
			query.append( 'permissions[]', permission );
		}
	}
	return query.toString();
}

/**
 * The profiles: what typical integrations need.
 *
 * @param options Request options.
 * @return The profiles. Rejects with an `ApiError`.
 */
export async function getProfiles(
	options?: RequestOptions
): Promise< AccessProfile[] > {
	const body = await send( PROFILES_PATH, options );
	if ( ! Array.isArray( body ) || ! body.every( isProfile ) ) {
		throw createInvalidResponseError();
	}
	return body;
}

/**
 * Whether a contact's key will work for an integration, and what fixes it.
 *
 * @param id          Contact ID.
 * @param requirement What the integration must do.
 * @param options     Request options.
 * @return The report. Rejects with an `ApiError`.
 */
export async function getAccessReport(
	id: number,
	requirement: AccessRequirement,
	options?: RequestOptions
): Promise< AccessReport > {
	return toReport(
		await send(
			`${ contactPath( id, '/report' ) }?${ requirementQuery(
				requirement
			) }`,
			options
		)
	);
}

function toUserChange( body: unknown ): UserChange {
	if (
		! isRecord( body ) ||
		typeof body.user_id !== 'number' ||
		! isString( body.login ) ||
		! ( body.moved_from === undefined || isIdOrNull( body.moved_from ) )
	) {
		throw createInvalidResponseError();
	}
	return {
		user_id: body.user_id,
		login: body.login,
		moved_from: body.moved_from ?? null,
	};
}

/**
 * Creates a WordPress user for the contact (no role, a random password
 * nobody sees) and links it.
 *
 * @param id      Contact ID.
 * @param options Request options.
 * @return The user. Rejects with an `ApiError` (409 `civikey_user_exists`).
 */
export async function createContactUser(
	id: number,
	options?: RequestOptions
): Promise< UserChange > {
	return toUserChange(
		await send( contactPath( id, '/user' ), {
			...options,
			method: 'POST',
			data: { action: 'create' },
		} )
	);
}

/**
 * Whether an error is the 409 of a user linked to another contact.
 *
 * @param error Anything.
 * @return Whether it is.
 */
export function isUserLinkedElsewhere(
	error: unknown
): error is UserLinkedElsewhereError {
	return isRecord( error ) && error.code === USER_LINKED_ELSEWHERE;
}

/**
 * Links an existing WordPress user to the contact.
 *
 * @param id            Contact ID.
 * @param userId        WordPress user ID.
 * @param settings      What the admin confirmed.
 * @param settings.move Whether the admin confirmed moving the user's link
 *                      away from another contact; without it the server
 *                      refuses (409 `civikey_user_linked_elsewhere`, rejected
 *                      here as a `UserLinkedElsewhereError` naming that
 *                      contact).
 * @param options       Request options.
 * @return The user, and the contact it was moved from.
 */
export async function linkContactUser(
	id: number,
	userId: number,
	{ move = false }: { move?: boolean } = {},
	options?: RequestOptions
): Promise< UserChange > {
	const path = contactPath( id, '/user' );
	let body: unknown;
	try {
		body = await apiFetch< unknown >( {
			path,
			signal: options?.signal,
			method: 'POST',
			data: move
				? { action: 'link', user_id: userId, move: true }
				: { action: 'link', user_id: userId },
		} );
	} catch ( raw ) {
		const error: ApiError = normalizeError( raw );
		if ( error.code === USER_LINKED_ELSEWHERE ) {
			const data =
				isRecord( raw ) && isRecord( raw.data ) ? raw.data : {};
			const linked: UserLinkedElsewhereError = {
				...error,
				code: USER_LINKED_ELSEWHERE,
				linkedContactId:
					typeof data.contact_id === 'number'
						? data.contact_id
						: null,
			};
			throw linked;
		}
		throw error;
	}
	return toUserChange( body );
}

/**
 * Gives the contact's user a role holding exactly the permissions needed
 * (and "authenticate with api key"), keeping the roles it has.
 *
 * @param id          Contact ID.
 * @param requirement What the integration must do.
 * @param options     Request options.
 * @return The role. Rejects with an `ApiError` (409 `civikey_no_user`).
 */
export async function applyContactRole(
	id: number,
	requirement: AccessRequirement,
	options?: RequestOptions
): Promise< RoleChange > {
	const body = await send( contactPath( id, '/role' ), {
		...options,
		method: 'POST',
		data:
			requirement.profile === CUSTOM_PROFILE
				? {
						profile: CUSTOM_PROFILE,
						permissions: requirement.permissions ?? [],
					}
				: { profile: requirement.profile },
	} );
	if (
		! isRecord( body ) ||
		! isString( body.role ) ||
		! isString( body.name ) ||
		typeof body.created !== 'boolean' ||
		! isStringList( body.capabilities ) ||
		typeof body.user_id !== 'number'
	) {
		throw createInvalidResponseError();
	}
	return {
		role: body.role,
		name: body.name,
		created: body.created,
		capabilities: body.capabilities,
		user_id: body.user_id,
	};
}

/**
 * Tries a key for real against this site's CiviCRM, as an integration would.
 *
 * The key travels in the JSON body only: never in the URL, where it would be
 * kept in server logs and browser history.
 *
 * @param id      Contact the key was set on.
 * @param key     The key.
 * @param options Request options.
 * @return The outcome; a refusal by CiviCRM resolves with `ok: false` and
 *         its reason. Rejects with an `ApiError` when the test could not run.
 */
export async function testContactKey(
	id: number,
	key: string,
	options?: RequestOptions
): Promise< KeyTestResult > {
	const body = await send( contactPath( id, '/key/test' ), {
		...options,
		method: 'POST',
		data: { key },
	} );
	if (
		! isRecord( body ) ||
		typeof body.ok !== 'boolean' ||
		typeof body.status !== 'number' ||
		! isIdOrNull( body.contact_id ) ||
		! isIdOrNull( body.user_id ) ||
		typeof body.with_site_key !== 'boolean' ||
		! isString( body.message )
	) {
		throw createInvalidResponseError();
	}
	return {
		ok: body.ok,
		status: body.status,
		contact_id: body.contact_id,
		user_id: body.user_id,
		with_site_key: body.with_site_key,
		message: body.message,
	};
}

/**
 * Finds WordPress users by name, login or email (core's users route; needs
 * `list_users`).
 *
 * @param search  Text to look for; empty lists the first users.
 * @param options Request options.
 * @return Up to `USERS_PER_PAGE` users. Rejects with an `ApiError`.
 */
export async function searchUsers(
	search: string,
	options?: RequestOptions
): Promise< WpUser[] > {
	const query = new URLSearchParams( {
		search,
		context: 'edit',
		per_page: String( USERS_PER_PAGE ),
		_fields: 'id,name,username,email',
	} );
	const body = await send( `${ USERS_PATH }?${ query.toString() }`, options );
	if ( ! Array.isArray( body ) ) {
		throw createInvalidResponseError();
	}
	return body.map( ( user: unknown ) => {
		if (
			! isRecord( user ) ||
			typeof user.id !== 'number' ||
			! isString( user.name ) ||
			! isString( user.username )
		) {
			throw createInvalidResponseError();
		}
		return {
			id: user.id,
			name: user.name,
			username: user.username,
			email: isString( user.email ) ? user.email : '',
		};
	} );
}

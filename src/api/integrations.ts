/**
 * Client of the "Connect a new integration" routes: what would be created,
 * and creating it all in one go.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { requirementQuery } from './access';
import { CUSTOM_PROFILE } from './access-types';
import { createInvalidResponseError, normalizeError } from './errors';
import { isContact, isRecord } from './guards';
import type {
	IntegrationPart,
	IntegrationPlan,
	IntegrationRequest,
	IntegrationResult,
	IntegrationSetupError,
	IntegrationStep,
	LeftBehindPart,
	NamesakeContact,
} from './integration-types';
import type { RequestOptions } from './types';

export const INTEGRATIONS_PATH = '/civikey/v1/integrations';
export const INTEGRATION_PLAN_PATH = '/civikey/v1/integrations/plan';

const PARTS: readonly IntegrationPart[] = [ 'contact', 'user', 'role' ];
const STEPS: readonly IntegrationStep[] = [ 'validate', ...PARTS, 'key' ];

function isString( value: unknown ): value is string {
	return typeof value === 'string';
}

function isStringList( value: unknown ): value is string[] {
	return Array.isArray( value ) && value.every( isString );
}

function isPart( value: unknown ): value is IntegrationPart {
	return PARTS.includes( value as IntegrationPart );
}

function isNamesake( value: unknown ): value is NamesakeContact {
	return (
		isRecord( value ) &&
		typeof value.id === 'number' &&
		isString( value.display_name )
	);
}

function isPlan( value: unknown ): value is IntegrationPlan {
	return (
		isRecord( value ) &&
		isString( value.name ) &&
		isRecord( value.contact ) &&
		isString( value.contact.contact_type ) &&
		isString( value.contact.display_name ) &&
		Array.isArray( value.existing_contacts ) &&
		value.existing_contacts.every( isNamesake ) &&
		isRecord( value.user ) &&
		isString( value.user.login ) &&
		isString( value.user.email ) &&
		isRecord( value.role ) &&
		isString( value.role.role ) &&
		isString( value.role.name ) &&
		typeof value.role.exists === 'boolean' &&
		isStringList( value.role.capabilities ) &&
		isStringList( value.permissions ) &&
		typeof value.key_length === 'number'
	);
}

function isResult( value: unknown ): value is IntegrationResult {
	return (
		isRecord( value ) &&
		isString( value.run ) &&
		isContact( value.contact ) &&
		isRecord( value.user ) &&
		typeof value.user.user_id === 'number' &&
		isString( value.user.login ) &&
		isRecord( value.role ) &&
		isString( value.role.role ) &&
		isString( value.role.name ) &&
		typeof value.role.created === 'boolean' &&
		isStringList( value.role.capabilities )
	);
}

/**
 * The requirement's fields as the routes take them: `permissions` only with
 * the custom profile.
 *
 * @param request The integration asked for.
 * @return The request body's fields.
 */
function requestFields(
	request: IntegrationRequest
): Record< string, unknown > {
	const { name, requirement } = request;
	return requirement.profile === CUSTOM_PROFILE
		? {
				name,
				profile: CUSTOM_PROFILE,
				permissions: requirement.permissions ?? [],
			}
		: { name, profile: requirement.profile };
}

/**
 * The setup error for whatever `apiFetch` rejected with: the normalised
 * error, plus the failed step and what was undone or left behind when the
 * server said so.
 *
 * @param raw The rejection reason.
 * @return The error.
 */
export function toSetupError( raw: unknown ): IntegrationSetupError {
	const error = normalizeError( raw );
	const data = isRecord( raw ) && isRecord( raw.data ) ? raw.data : {};
	const step = STEPS.includes( data.step as IntegrationStep )
		? ( data.step as IntegrationStep )
		: null;
	const undone = Array.isArray( data.undone )
		? data.undone.filter( isPart )
		: [];
	const leftBehind = Array.isArray( data.left_behind )
		? data.left_behind.filter(
				( entry ): entry is LeftBehindPart =>
					isRecord( entry ) &&
					isPart( entry.part ) &&
					( isString( entry.id ) || typeof entry.id === 'number' )
			)
		: [];
	return { ...error, step, undone, leftBehind };
}

/**
 * Whether it is unknown if a failed run created anything: the server said
 * nothing about the step (no answer, or a 5xx that is not the contract's),
 * so the request may have got through.
 *
 * @param error The setup error.
 * @return Whether the outcome is unknown.
 */
export function isOutcomeUnknown( error: IntegrationSetupError ): boolean {
	return (
		error.step === null &&
		( error.status === undefined || error.status >= 500 )
	);
}

/**
 * What "Create" would make for this integration; changes nothing.
 *
 * @param request The integration asked for.
 * @param options Request options.
 * @return The plan. Rejects with an `ApiError` (400 for an empty or long
 *         name, 503 when CiviCRM is unavailable).
 */
export async function getIntegrationPlan(
	request: IntegrationRequest,
	options?: RequestOptions
): Promise< IntegrationPlan > {
	const query = new URLSearchParams( { name: request.name } );
	let body: unknown;
	try {
		body = await apiFetch< unknown >( {
			path: `${ INTEGRATION_PLAN_PATH }?${ query.toString() }&${ requirementQuery(
				request.requirement
			) }`,
			signal: options?.signal,
		} );
	} catch ( error ) {
		throw normalizeError( error );
	}
	if ( ! isPlan( body ) ) {
		throw createInvalidResponseError();
	}
	return body;
}

/**
 * Creates the integration in one go: the contact, its WordPress user, the
 * role and the key. The key travels in the JSON body only.
 *
 * @param request The integration asked for.
 * @param key     The key, generated in the browser.
 * @param options Request options.
 * @return What was created. Rejects with an `IntegrationSetupError`; the
 *         server has then removed what the run made, unless it lists it in
 *         `leftBehind`.
 */
export async function createIntegration(
	request: IntegrationRequest,
	key: string,
	options?: RequestOptions
): Promise< IntegrationResult > {
	let body: unknown;
	try {
		body = await apiFetch< unknown >( {
			path: INTEGRATIONS_PATH,
			signal: options?.signal,
			method: 'POST',
			data: { ...requestFields( request ), key },
		} );
	} catch ( error ) {
		throw toSetupError( error );
	}
	if ( ! isResult( body ) ) {
		// The server said yes but the answer is unreadable: what it made
		// is unknown to the page.
		throw toSetupError( createInvalidResponseError() );
	}
	return body;
}

/**
 * Cheap shape checks on response bodies, so that a misbehaving proxy or
 * plugin cannot crash the page.
 */

/**
 * Internal dependencies
 */
import type {
	Connection,
	Contact,
	KeyChange,
	LinkedUser,
	SiteKeyInfo,
} from './types';

export function isRecord( value: unknown ): value is Record< string, unknown > {
	return typeof value === 'object' && value !== null;
}

function isStringOrNull( value: unknown ): value is string | null {
	return value === null || typeof value === 'string';
}

function isKey( value: unknown ): value is Contact[ 'key' ] {
	if (
		! isRecord( value ) ||
		! [ 'set', 'none', 'hidden' ].includes( value.status as string )
	) {
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

function isLinkedUser( value: unknown ): value is LinkedUser {
	return (
		isRecord( value ) &&
		typeof value.id === 'number' &&
		typeof value.exists === 'boolean' &&
		isStringOrNull( value.login ) &&
		isStringOrNull( value.display_name ) &&
		Array.isArray( value.roles ) &&
		value.roles.every( ( role ) => typeof role === 'string' )
	);
}

export function isContact( value: unknown ): value is Contact {
	return (
		isRecord( value ) &&
		typeof value.id === 'number' &&
		typeof value.display_name === 'string' &&
		typeof value.contact_type === 'string' &&
		isStringOrNull( value.email ) &&
		typeof value.is_deleted === 'boolean' &&
		isKey( value.key ) &&
		( value.linked_user === null || isLinkedUser( value.linked_user ) )
	);
}

export function isKeyChange( value: unknown ): value is KeyChange {
	return (
		isRecord( value ) &&
		[ 'set', 'rotate', 'revoke' ].includes( value.action as string ) &&
		isContact( value.contact )
	);
}

export function isSiteKeyInfo( value: unknown ): value is SiteKeyInfo {
	return (
		isRecord( value ) &&
		typeof value.defined === 'boolean' &&
		typeof value.length === 'number'
	);
}

export function isConnection( value: unknown ): value is Connection {
	return (
		isRecord( value ) &&
		typeof value.api4_url === 'string' &&
		typeof value.authx_id_url === 'string' &&
		[ 'required', 'not_required', 'depends_on_user' ].includes(
			value.site_key_header as string
		) &&
		typeof value.xheader_accepts_api_key === 'boolean'
	);
}

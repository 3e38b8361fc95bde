/**
 * Shapes exchanged with the CiviKey REST API (namespace `civikey/v1`).
 */

/**
 * Whether CiviCRM can be used from WordPress.
 *
 * - `ready`: CiviCRM is installed and booted.
 * - `missing`: the CiviCRM plugin is not active.
 * - `not_installed`: the plugin is active but CiviCRM has not been installed.
 * - `unavailable`: CiviCRM is installed but could not be started.
 */
export type CiviCrmState =
	'ready' | 'missing' | 'not_installed' | 'unavailable';

/**
 * Whether CiviCRM's AuthX extension, which checks API keys, is usable.
 */
export type AuthxState = 'enabled' | 'disabled' | 'not_installed' | 'unknown';

export interface CiviCrmStatus {
	state: CiviCrmState;
	/** CiviCRM version, e.g. "5.78.0"; null when it cannot be read. */
	version: string | null;
	/** Translated sentence explaining the problem; empty when ready. */
	message: string;
}

export interface AuthxStatus {
	state: AuthxState;
	/** Translated sentence explaining the problem; empty when enabled. */
	message: string;
}

export interface AccessStatus {
	/** Whether the current user may create and revoke API keys. */
	can_manage_keys: boolean;
	/** The WordPress capability required, e.g. `manage_options`. */
	capability: string;
	/** Whether the current user has that capability. */
	has_capability: boolean;
	/** CiviCRM's own verdict; null when CiviCRM is not ready. */
	can_edit_api_keys: boolean | null;
	/** Translated sentence giving the reason; empty when allowed. */
	message: string;
}

/**
 * Response of `GET /civikey/v1/status`.
 */
export interface Status {
	civicrm: CiviCrmStatus;
	authx: AuthxStatus;
	access: AccessStatus;
}

/**
 * A failed request, normalised whatever went wrong.
 */
export interface ApiError {
	/** Machine-readable code, e.g. `rest_forbidden` or `fetch_error`. */
	code: string;
	/** Translated sentence the admin can act on. */
	message: string;
	/** HTTP status code, when the server answered. */
	status?: number;
}

/**
 * Options shared by every request.
 */
export interface RequestOptions {
	/** Aborts the request, e.g. when the component unmounts. */
	signal?: AbortSignal;
}

/**
 * What may be shown of a stored key.
 */
export interface KeyFingerprint {
	/** Last four characters; empty for keys shorter than 20 characters. */
	last4: string;
	/** Length of the key, in characters. */
	length: number;
}

/**
 * A contact's key, as far as the current user may see it. The key itself
 * never leaves the server.
 *
 * - `set`: the contact has a key (fingerprint given).
 * - `none`: the contact has no key.
 * - `hidden`: CiviCRM does not let the current user see keys.
 */
export interface ContactKey {
	status: 'set' | 'none' | 'hidden';
	/** Null unless `status` is `set`. */
	fingerprint: KeyFingerprint | null;
	/**
	 * When AuthX last accepted the key ('Y-m-d H:i:s', UTC) and from which
	 * IP; null when never recorded. Absent from older servers.
	 */
	last_used?: { at: string; ip: string } | null;
}

/**
 * The WordPress user linked to a contact (CiviCRM's UFMatch). Requests made
 * with the contact's key run as this user.
 */
export interface LinkedUser {
	/** WordPress user ID. */
	id: number;
	/** False when the link points at a deleted WordPress user. */
	exists: boolean;
	/** Null when the user does not exist. */
	login: string | null;
	/** Null when the user does not exist. */
	display_name: string | null;
	/** Role slugs, e.g. `administrator`. */
	roles: string[];
}

/**
 * A CiviCRM contact, as `/civikey/v1/contacts` returns it.
 */
export interface Contact {
	/** CiviCRM contact ID. */
	id: number;
	display_name: string;
	/** `Individual`, `Organization` or `Household`. */
	contact_type: string;
	/** Primary email, if any. */
	email: string | null;
	/** The contact is in CiviCRM's trash. */
	is_deleted: boolean;
	key: ContactKey;
	/** Null when no WordPress user is linked. */
	linked_user: LinkedUser | null;
}

/**
 * What `searchContacts()` asks for.
 */
export interface ContactSearchQuery {
	/** Part of a name or email, or a contact ID. */
	search: string;
	/** Page of results, from 1. */
	page?: number;
	/** Contacts per page, 1 to 100. */
	perPage?: number;
}

/**
 * One page of contacts, with the totals the server sent in its headers.
 */
export interface ContactPage {
	contacts: Contact[];
	/** Number of contacts matching the search (`X-WP-Total`). */
	total: number;
	/** Number of pages (`X-WP-TotalPages`); at least 1. */
	totalPages: number;
}

/** Contact types a service contact may have. */
export type ServiceContactType = 'Individual' | 'Organization';

/**
 * Body of `POST /civikey/v1/contacts`.
 */
export interface NewServiceContact {
	contact_type: ServiceContactType;
	/** Name of the service, 1 to 64 characters. */
	name: string;
}

/**
 * Response of `PUT` and `DELETE /civikey/v1/contacts/{id}/key`.
 */
export interface KeyChange {
	/** `set` (first key), `rotate` (key replaced) or `revoke`. */
	action: 'set' | 'rotate' | 'revoke';
	/** The contact as it now is. */
	contact: Contact;
}

/**
 * Response of `GET /civikey/v1/site-key`: never the site key itself.
 */
export interface SiteKeyInfo {
	/** Whether CIVICRM_SITE_KEY is defined. */
	defined: boolean;
	/** Its length; 0 when undefined. */
	length: number;
}

/**
 * How AuthX treats the site key (`X-Civi-Key`) on this site.
 *
 * - `required`: every request must send it.
 * - `not_required`: no request needs it.
 * - `depends_on_user`: needed unless the key's user has the CiviCRM
 *   permission to authenticate with an API key.
 */
export type SiteKeyHeader = 'required' | 'not_required' | 'depends_on_user';

/**
 * Response of `GET /civikey/v1/connection`: how clients reach this site.
 */
export interface Connection {
	/** APIv4 REST URL of Contact.get, e.g. `https://site/civicrm/ajax/api4/Contact/get`. */
	api4_url: string;
	/** AuthX URL that says who a credential logs in as. */
	authx_id_url: string;
	site_key_header: SiteKeyHeader;
	/** Whether AuthX accepts API keys in the `X-Civi-Auth` header. */
	xheader_accepts_api_key: boolean;
}

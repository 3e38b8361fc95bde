/**
 * Shapes of the inventory and audit routes of the CiviKey REST API
 * (`/civikey/v1/inventory…`, `/civikey/v1/audit`), and of the settings the
 * admin page prints for the script.
 */

/**
 * Internal dependencies
 */
import type { KeyFingerprint } from './types';

/**
 * Problem codes the server knows today. The server may add more: treat any
 * string as a problem code, and show it by its label from
 * `GET /civikey/v1/inventory/problems`.
 */
export const INVENTORY_PROBLEMS = [
	'short',
	'characters',
	'duplicate',
	'no_user',
	'administrator',
	'deleted_contact',
	'missing_user',
	'stale',
] as const;

export type KnownInventoryProblem = ( typeof INVENTORY_PROBLEMS )[ number ];

/**
 * What the inventory may be filtered by: nothing (`''`), `any` problem, or
 * one problem code.
 */
export type InventoryFilter = '' | 'any' | string;

/**
 * What the server can order the inventory by: contact ID, name (CiviCRM's
 * sort name), when the key was last used, or when CiviKey last set it.
 */
export const INVENTORY_ORDER_BY = [
	'id',
	'name',
	'last_used',
	'last_changed',
] as const;

export type InventoryOrderBy = ( typeof INVENTORY_ORDER_BY )[ number ];

/**
 * Direction of an order. Keys never used (or never changed through
 * CiviKey) count as the oldest: first in `asc`, last in `desc`.
 */
export type SortOrder = 'asc' | 'desc';

/** Translated label of each problem code, as the server sends them. */
export type ProblemLabels = Record< string, string >;

/** The stored key of an inventory item; never the key itself. */
export interface InventoryKey {
	/** Length of the key, in characters. */
	length: number;
	/** `last4` is empty for keys too short to show their end. */
	fingerprint: KeyFingerprint | null;
}

/** The WordPress user linked to an inventory item's contact. */
export interface InventoryUser {
	/** WordPress user ID. */
	id: number;
	/** False when the link points at a deleted WordPress user. */
	exists: boolean;
	/** Null when the user does not exist. */
	login: string | null;
	/** Role slugs, e.g. `administrator`. */
	roles: string[];
}

/** When, and from where, a key last logged in. */
export interface InventoryLastUse {
	/** UTC date-time, `Y-m-d H:i:s`. */
	at: string;
	/** IP address; empty when unknown. */
	ip: string;
	/** Shared by the entries of one guided setup; empty otherwise. */
	run?: string;
}

/** One contact holding a key, from `GET /civikey/v1/inventory`. */
export interface InventoryItem {
	/** CiviCRM contact ID. */
	id: number;
	display_name: string;
	contact_type: string;
	/** The contact is in CiviCRM's trash. */
	is_deleted: boolean;
	key: InventoryKey;
	/** Null when no WordPress user is linked. */
	user: InventoryUser | null;
	/** Null when the key has not been used since CiviKey started counting. */
	last_used: InventoryLastUse | null;
	/** UTC date-time the key was last set or replaced through CiviKey. */
	last_changed: string | null;
	/** Problem codes; empty when none. */
	problems: string[];
}

/** One page of a list, with the totals the server sent in its headers. */
export interface Paged< T > {
	items: T[];
	/** Number of matching items (`X-WP-Total`). */
	total: number;
	/** Number of pages (`X-WP-TotalPages`); at least 1. */
	totalPages: number;
}

/** What `getInventory()` asks for. */
export interface InventoryQuery {
	/** Page, from 1. */
	page?: number;
	/** Items per page, 1 to 200. */
	perPage?: number;
	/** Only keys with this problem, or with `any`. */
	problem?: InventoryFilter;
	/** Order of the keys across every page; `id` when not given. */
	orderBy?: InventoryOrderBy;
	/** Direction of the order; `asc` when not given. */
	order?: SortOrder;
}

/** What happened to one contact's key in a bulk revoke. */
export interface RevokeResult {
	contact_id: number;
	revoked: boolean;
	/** Error code when not revoked, e.g. `civikey_no_key`. */
	code?: string;
	/** Translated reason when not revoked. */
	message?: string;
}

/** Actions the audit trail records today (others may be added). */
export type KnownAuditAction =
	| 'key_set'
	| 'key_rotate'
	| 'key_revoke'
	| 'key_tested'
	| 'user_created'
	| 'user_linked'
	| 'role_applied'
	| 'integration_setup'
	| 'contact_created'
	| 'contact_deleted'
	| 'user_deleted'
	| 'role_removed';

/** One entry of `GET /civikey/v1/audit`. */
export interface AuditEntry {
	id: number;
	/** UTC date-time, `Y-m-d H:i:s`. */
	created_at: string;
	/** WordPress user who acted; 0 when nobody was logged in. */
	user_id: number;
	user_login: string;
	/** Null when the action concerned no contact. */
	contact_id: number | null;
	/** E.g. `key_revoke`; see KnownAuditAction. */
	action: KnownAuditAction | string;
	result: 'success' | 'failure';
	/** Extra facts; never a key. */
	details: Record< string, unknown >;
	/** IP address; empty when unknown. */
	ip: string;
	/** Shared by the entries of one guided setup; empty otherwise. */
	run?: string;
}

/** What `getAuditLog()` asks for. */
export interface AuditQuery {
	page?: number;
	/** Entries per page, 1 to 200. */
	perPage?: number;
	/** Only entries about this contact. */
	contactId?: number | null;
}

/**
 * What the admin page prints before the script
 * (`wp_add_inline_script( …, 'window.civikeyAdmin = {…}', 'before' )`):
 * only what the REST API cannot give.
 */
export interface CivikeyAdminSettings {
	/** admin-post.php URL of the audit CSV, with its nonce. */
	auditCsvUrl?: string;
}

declare global {
	interface Window {
		civikeyAdmin?: CivikeyAdminSettings;
	}
}

/**
 * Shapes of the "Will this key work?" routes (namespace `civikey/v1`) and of
 * the WordPress users route the user picker reads.
 */

/**
 * Internal dependencies
 */
import type { ApiError, Contact } from './types';

/**
 * What a typical integration needs: `GET /civikey/v1/profiles`.
 */
export interface AccessProfile {
	/** Machine name, e.g. `read_contacts`. */
	name: string;
	/** Translated label, e.g. "Read contacts". */
	label: string;
	/** Translated sentence saying what it is for. */
	description: string;
	/** CiviCRM permissions it needs, e.g. `access AJAX API`. */
	permissions: string[];
}

/** The profile name that means "the permissions listed". */
export const CUSTOM_PROFILE = 'custom';

/**
 * What the integration must be able to do: a named profile, or `custom` with
 * the CiviCRM permissions ticked.
 */
export interface AccessRequirement {
	/** A profile name, or `custom`. */
	profile: string;
	/** CiviCRM permissions; sent only with the `custom` profile. */
	permissions?: string[];
}

/**
 * - `works`: requests authenticate as the linked user, who may do the job.
 * - `anonymous`: the key logs in, but as an anonymous visitor.
 * - `refused`: AuthX or CiviCRM turns the key away.
 */
export type AccessVerdict = 'works' | 'anonymous' | 'refused';

/** How one check came out. */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'info';

/** A fix the screen offers for a check. */
export type FixId =
	| 'create_user'
	| 'link_user'
	| 'apply_role'
	| 'open_extensions'
	| 'open_authx_settings'
	| 'restore_contact';

/** One line of the checklist. */
export interface AccessCheck {
	/** Check ID, e.g. `authx`, `user`, `guard`, `permissions`. */
	id: string;
	status: CheckStatus;
	/** Translated sentence saying what was found. */
	message: string;
	/** The fix the screen offers; null when none (or one it does not know). */
	fix: FixId | null;
	/** Translated sentence saying how to fix it; null when nothing to fix. */
	fix_how: string | null;
}

/** One row of the permissions table. */
export interface PermissionRow {
	/** CiviCRM permission, e.g. `access AJAX API`. */
	permission: string;
	/** The WordPress capability CiviCRM checks, e.g. `access_ajax_api`. */
	capability: string;
	/** Whether the integration needs it. */
	required: boolean;
	/** Whether requests made with the key have it. */
	present: boolean;
}

/** A least-privilege warning: the key works, but can do too much. */
export interface AccessWarning {
	id: string;
	message: string;
}

/** Whom requests made with the key run as. */
export interface RunsAs {
	type: 'user' | 'anonymous';
	/** Null for anonymous. */
	user_id: number | null;
	/** Null for anonymous. */
	login: string | null;
}

/**
 * Response of `GET /civikey/v1/contacts/{id}/report`.
 */
export interface AccessReport {
	verdict: AccessVerdict;
	/** Translated sentence explaining the verdict. */
	summary: string;
	/** Whether requests must also send the site key (`X-Civi-Key`). */
	needs_site_key: boolean;
	runs_as: RunsAs;
	/** In display order. */
	checks: AccessCheck[];
	permissions: PermissionRow[];
	warnings: AccessWarning[];
	/** The contact as it now is. */
	contact: Contact;
}

/**
 * Response of `POST /civikey/v1/contacts/{id}/user`.
 */
export interface UserChange {
	/** WordPress user ID now linked to the contact. */
	user_id: number;
	/** Its login. */
	login: string;
	/**
	 * Link only: the contact the user was linked to before, when the link
	 * was moved; null (or absent, for create) otherwise.
	 */
	moved_from?: number | null;
}

/**
 * Rejection of a link when the user is linked to another contact (409
 * `civikey_user_linked_elsewhere`): resend with `move: true` once the admin
 * confirms.
 */
export interface UserLinkedElsewhereError extends ApiError {
	code: 'civikey_user_linked_elsewhere';
	/** The contact the user is linked to now; null when the server omits it. */
	linkedContactId: number | null;
}

/**
 * Response of `POST /civikey/v1/contacts/{id}/role`.
 */
export interface RoleChange {
	/** Role slug, e.g. `civikey_client_0123456789`. */
	role: string;
	/** Role name, e.g. "CiviCRM API client: Read contacts". */
	name: string;
	/** False when an identical role existed and was reused. */
	created: boolean;
	/** WordPress capabilities the role holds. */
	capabilities: string[];
	/** The user given the role. */
	user_id: number;
}

/**
 * Response of `POST /civikey/v1/contacts/{id}/key/test`.
 */
export interface KeyTestResult {
	/** Whether the key authenticated as this contact. */
	ok: boolean;
	/** HTTP status AuthX answered with. */
	status: number;
	/** The contact it authenticated as, if any. */
	contact_id: number | null;
	/** The WordPress user it authenticated as, if any. */
	user_id: number | null;
	/** Whether it was tried with the site key (after failing without). */
	with_site_key: boolean;
	/** Translated sentence: the outcome, or CiviCRM's precise reason. */
	message: string;
}

/**
 * A WordPress user, as `GET /wp/v2/users?context=edit` gives it (only the
 * fields the picker asks for).
 */
export interface WpUser {
	id: number;
	/** Display name. */
	name: string;
	/** Login. */
	username: string;
	/** Email; empty when not readable. */
	email: string;
}

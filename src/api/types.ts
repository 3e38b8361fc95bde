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

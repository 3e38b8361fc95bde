/**
 * Shapes of the "Connect a new integration" routes (namespace `civikey/v1`):
 * the plan of what would be created, and the one-go creation.
 */

/**
 * Internal dependencies
 */
import type { AccessRequirement } from './access-types';
import type { ApiError, Contact } from './types';

/** What the admin asks for: a name and what the integration must do. */
export interface IntegrationRequest {
	/** Name of the integration, e.g. "Zapier"; 1 to 64 characters. */
	name: string;
	/** A profile, or `custom` with its CiviCRM permissions. */
	requirement: AccessRequirement;
}

/** A contact that already bears the integration's name. */
export interface NamesakeContact {
	id: number;
	display_name: string;
}

/**
 * Response of `GET /civikey/v1/integrations/plan`: what "Create" would make.
 * Nothing is changed by asking.
 */
export interface IntegrationPlan {
	/** The name, trimmed as the server will use it. */
	name: string;
	/** The service contact to create; its display name is the name. */
	contact: { contact_type: 'Organization'; display_name: string };
	/** Contacts already so named (at most 5), so the admin can pick one. */
	existing_contacts: NamesakeContact[];
	/**
	 * The WordPress user to create and link: a unique login and an address
	 * that receives no mail. Its password is random and never shown.
	 */
	user: { login: string; email: string };
	/**
	 * The role to give it: `exists` when an identical CiviKey role is there
	 * already and will be reused.
	 */
	role: {
		role: string;
		name: string;
		exists: boolean;
		capabilities: string[];
	};
	/** CiviCRM permissions the role grants, REST access included. */
	permissions: string[];
	/** Length of the key the browser generates. */
	key_length: number;
}

/** The parts a setup run makes, in the order it makes them. */
export type IntegrationPart = 'contact' | 'user' | 'role';

/** Where a setup run can fail: checking the request, or making a part. */
export type IntegrationStep = 'validate' | IntegrationPart | 'key';

/**
 * Response of `POST /civikey/v1/integrations` (201).
 */
export interface IntegrationResult {
	/** The setup run's ID in the audit trail. */
	run: string;
	/** The new contact, with its key fingerprint and linked user. */
	contact: Contact;
	/** The new WordPress user linked to the contact. */
	user: { user_id: number; login: string };
	/** The role given to the user; `created` is false when one was reused. */
	role: {
		role: string;
		name: string;
		created: boolean;
		capabilities: string[];
	};
}

/** Something a failed run made and could not remove. */
export interface LeftBehindPart {
	part: IntegrationPart;
	id: string | number;
}

/**
 * Rejection of `POST /civikey/v1/integrations`.
 *
 * When the server answered with the contract's details, `step` says which
 * step failed; `undone` lists what the run had made and then removed, and
 * `leftBehind` what it could not remove. When no such details came back
 * (no answer at all, or an unexpected one), `step` is null: whether anything
 * was created is then unknown.
 */
export interface IntegrationSetupError extends ApiError {
	step: IntegrationStep | null;
	undone: IntegrationPart[];
	leftBehind: LeftBehindPart[];
}

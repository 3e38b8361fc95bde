/**
 * Internal dependencies
 */
import type { ApiError, Status } from '../../api/types';

/**
 * What `useStatus()` returns.
 */
export interface StatusRequest {
	/** The last status loaded; null until one arrives or after a failure. */
	status: Status | null;
	/** Why the last request failed; null when it succeeded. */
	error: ApiError | null;
	/** Whether a request is in flight (the first one, or a retry). */
	isLoading: boolean;
	/** Requests the status again; the last result stays until it answers. */
	retry: () => void;
}

/** The views of the admin page; each is also its URL hash. */
export type AppView = 'keys' | 'inventory' | 'audit';

/**
 * "Manage key" from the inventory: the Keys view should open this contact.
 * A new object each time, so asking twice for the same contact counts.
 */
export interface OpenContactRequest {
	contactId: number;
}

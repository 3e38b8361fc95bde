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

/**
 * Internal dependencies
 */
import type { ApiError } from '../../api/types';

export interface ErrorNoticeProps {
	/** The failed request, as normalised by the API client. */
	error: ApiError;
	/** Called when the admin asks to try again; no Retry button without it. */
	onRetry?: () => void;
	/** Whether a retry is in flight: the Retry button is then disabled. */
	isRetrying?: boolean;
}

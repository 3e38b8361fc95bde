/**
 * WordPress dependencies
 */
import { Flex, Spinner } from '@wordpress/components';

/**
 * Internal dependencies
 */
import type { ApiError } from '../../api/types';
import ErrorNotice from '../error-notice';

/**
 * What a paged view says about its request: a spinner while it loads, the
 * summary ("12 entries. Page 1 of 1.") announced politely, and the error
 * with a Retry button.
 *
 * @param props           Component props.
 * @param props.className Class of the status row.
 * @param props.isLoading Whether the request is under way.
 * @param props.summary   What to announce.
 * @param props.error     The request's error, if any.
 * @param props.onRetry   Sends the request again.
 */
export default function LoadStatus( {
	className,
	isLoading,
	summary,
	error,
	onRetry,
}: {
	className: string;
	isLoading: boolean;
	summary: string;
	error: ApiError | null;
	onRetry: () => void;
} ) {
	return (
		<>
			<Flex justify="flex-start" className={ className }>
				{ isLoading && <Spinner /> }
				<p aria-live="polite" aria-atomic="true">
					{ summary }
				</p>
			</Flex>

			{ error && (
				<ErrorNotice
					error={ error }
					onRetry={ onRetry }
					isRetrying={ isLoading }
				/>
			) }
		</>
	);
}

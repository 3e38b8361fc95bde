/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ErrorNoticeProps } from './types';

/**
 * An error the admin must know about, with an optional Retry button.
 *
 * The message sits in a `role="alert"` region, so it is announced once; the
 * Notice's own announcement is turned off to avoid saying it twice.
 *
 * @param props            Component props.
 * @param props.error      The failed request.
 * @param props.onRetry    Retry handler.
 * @param props.isRetrying Whether a retry is in flight.
 */
export default function ErrorNotice( {
	error,
	onRetry,
	isRetrying = false,
}: ErrorNoticeProps ) {
	const actions = onRetry
		? [
				{
					label: __( 'Retry', 'civikey' ),
					onClick: onRetry,
					disabled: isRetrying,
					variant: 'primary' as const,
				},
			]
		: [];

	return (
		<Notice
			className="civikey-error-notice"
			status="error"
			isDismissible={ false }
			spokenMessage={ null }
			actions={ actions }
		>
			<div role="alert">
				<p>{ error.message }</p>
				<p className="description">
					{ sprintf(
						/* translators: %s: machine-readable error code, e.g. rest_forbidden. */
						__( 'Error code: %s', 'civikey' ),
						error.code
					) }
				</p>
			</div>
		</Notice>
	);
}

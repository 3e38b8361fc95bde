/**
 * WordPress dependencies
 */
import { Flex, Spinner } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import ErrorNotice from '../error-notice';
import KeyManager from '../key-manager';
import StatusPanel from '../status-panel';
import useStatus from './use-status';

/**
 * The Tools → CiviKey admin page. It mounts inside the page's `.wrap`, below
 * the heading the PHP side prints (so the page has a title without JavaScript).
 *
 * The status panel comes first; the key screens follow only when the current
 * user may manage keys.
 */
export default function App() {
	const { status, error, isLoading, retry } = useStatus();

	return (
		<div className="civikey-app">
			{ isLoading && (
				<Flex justify="flex-start" role="status">
					<Spinner />
					<span>{ __( 'Loading CiviCRM status…', 'civikey' ) }</span>
				</Flex>
			) }

			{ error && (
				<ErrorNotice
					error={ error }
					onRetry={ retry }
					isRetrying={ isLoading }
				/>
			) }

			{ status && <StatusPanel status={ status } /> }

			{ /* Without access, the status panel says why and how to get it. */ }
			{ status?.access.can_manage_keys && <KeyManager /> }
		</div>
	);
}

/**
 * WordPress dependencies
 */
import { Flex, Spinner } from '@wordpress/components';

/**
 * A spinner and what is loading, in a status region so screen readers hear it.
 *
 * @param props          Component props.
 * @param props.children What is loading, e.g. "Loading CiviCRM status…".
 */
export default function LoadingMessage( { children }: { children: string } ) {
	return (
		<Flex justify="flex-start" role="status">
			<Spinner />
			<span>{ children }</span>
		</Flex>
	);
}

/**
 * WordPress dependencies
 */
import { Button, Card, CardBody } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ConnectEntryProps } from './types';

/**
 * The way in to "Connect a new integration", first in the Keys view: the
 * path most admins should take. It lives in the page's main script; the
 * flow itself loads when this is pressed.
 *
 * @param props         Component props.
 * @param props.onStart Opens the flow.
 */
export default function ConnectEntry( { onStart }: ConnectEntryProps ) {
	return (
		<Card>
			<CardBody>
				<p>
					{ __(
						'New integration? CiviKey gives it a contact, user, role and key of its own, and tests the key.',
						'civikey'
					) }
				</p>
				<Button
					variant="primary"
					onClick={ onStart }
					__next40pxDefaultSize
				>
					{ __( 'Connect a new integration', 'civikey' ) }
				</Button>
			</CardBody>
		</Card>
	);
}

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getContactLabel } from '../../utils/contact';
import LiveTestOutcome from './live-test-outcome';
import StepCard from './step-card';
import type { SummaryProps } from './types';

/**
 * After the four steps: what was created, how the live test went, where the
 * run is in the audit trail, and the way to manage the contact from now on.
 * The key is gone from the page by now.
 *
 * @param props                 Component props.
 * @param props.headingRef      Ref to the heading.
 * @param props.result          What was created.
 * @param props.test            The live test.
 * @param props.onManageContact Opens the contact in the Keys view.
 * @param props.onAnother       Starts again for another integration.
 * @param props.onClose         Back to the Keys view.
 */
export default function Summary( {
	headingRef,
	result,
	test,
	onManageContact,
	onAnother,
	onClose,
}: SummaryProps ) {
	const { contact, user, role } = result;
	const label = getContactLabel( contact );
	const last4 = contact.key.fingerprint?.last4 ?? '';

	return (
		<StepCard
			title={ sprintf(
				/* translators: %s: integration (contact) name. */
				__( '“%s” is connected', 'civikey' ),
				contact.display_name
			) }
			headingRef={ headingRef }
			actions={
				<>
					<Button
						variant="primary"
						onClick={ () => onManageContact( contact.id ) }
						__next40pxDefaultSize
					>
						{ __( 'Manage this contact in Keys', 'civikey' ) }
					</Button>
					<Button
						variant="secondary"
						onClick={ onAnother }
						__next40pxDefaultSize
					>
						{ __( 'Connect another integration', 'civikey' ) }
					</Button>
					<Button
						variant="tertiary"
						onClick={ onClose }
						__next40pxDefaultSize
					>
						{ __( 'Close', 'civikey' ) }
					</Button>
				</>
			}
		>
			<ul className="civikey-connect__summary">
				<li>
					<strong>{ __( 'Contact:', 'civikey' ) }</strong> { label }
					{ last4 !== '' &&
						` ${ sprintf(
							/* translators: %s: last four characters of the key. */
							__( '(key ending in %s)', 'civikey' ),
							last4
						) }` }
				</li>
				<li>
					<strong>{ __( 'WordPress user:', 'civikey' ) }</strong>{ ' ' }
					{ sprintf(
						/* translators: 1: user login, 2: WordPress user ID. */
						__(
							'%1$s (user #%2$d), linked to the contact',
							'civikey'
						),
						user.login,
						user.user_id
					) }
				</li>
				<li>
					<strong>{ __( 'Role:', 'civikey' ) }</strong>{ ' ' }
					{ role.created
						? sprintf(
								/* translators: %s: role name. */
								__( '“%s” (new)', 'civikey' ),
								role.name
							)
						: sprintf(
								/* translators: %s: role name. */
								__( '“%s” (existing, reused)', 'civikey' ),
								role.name
							) }
				</li>
				<li>
					<strong>{ __( 'Live test:', 'civikey' ) }</strong>
					<LiveTestOutcome test={ test } contactId={ contact.id } />
				</li>
			</ul>
			<p>
				{ sprintf(
					/* translators: %s: ID of the setup run. */
					__(
						'The audit trail records this as one integration setup (run %s) with its parts.',
						'civikey'
					),
					result.run
				) }{ ' ' }
				<a href="#audit">{ __( 'Open the audit trail', 'civikey' ) }</a>
			</p>
		</StepCard>
	);
}

/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useCallback } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import LoadingMessage from '../loading-message';
import type { IntegrationPlan } from '../../api/integration-types';
import { getIntegrationPlan } from '../../api/integrations';
import type { RequestOptions } from '../../api/types';
import useApiRequest from '../../hooks/use-api-request';
import ErrorNotice from '../error-notice';
import StepCard from './step-card';
import type { ReviewStepProps } from './types';

/**
 * A contact's name with its ID, e.g. "Zapier (contact #42)".
 *
 * @param contact              Contact.
 * @param contact.id           Its ID.
 * @param contact.display_name Its name.
 * @return The label.
 */
function namesakeLabel( contact: { id: number; display_name: string } ) {
	return sprintf(
		/* translators: 1: contact name, 2: CiviCRM contact ID. */
		__( '%1$s (contact #%2$d)', 'civikey' ),
		contact.display_name,
		contact.id
	);
}

/**
 * What will be created, part by part, as the server plans it.
 *
 * @param props      Component props.
 * @param props.plan The plan.
 */
function PlanList( { plan }: { plan: IntegrationPlan } ) {
	return (
		<ol className="civikey-connect__plan">
			<li>
				<strong>{ __( 'A contact', 'civikey' ) }</strong>{ ' ' }
				{ sprintf(
					/* translators: %s: contact name. */
					__(
						'“%s”, an organization standing for the integration.',
						'civikey'
					),
					plan.contact.display_name
				) }
			</li>
			<li>
				<strong>{ __( 'A WordPress user', 'civikey' ) }</strong>{ ' ' }
				{ sprintf(
					/* translators: 1: user login, 2: email address. */
					__(
						'%1$s (%2$s), linked to the contact, so requests made with the key run as this user. Its password is random and never shown: it is not meant for logging in.',
						'civikey'
					),
					plan.user.login,
					plan.user.email
				) }
			</li>
			<li>
				<strong>{ __( 'A role', 'civikey' ) }</strong>{ ' ' }
				{ plan.role.exists
					? sprintf(
							/* translators: %s: role name. */
							__(
								'“%s”, which already exists with exactly these permissions and will be reused, given to the user:',
								'civikey'
							),
							plan.role.name
						)
					: sprintf(
							/* translators: %s: role name. */
							__(
								'“%s”, new, given to the user, with exactly these permissions:',
								'civikey'
							),
							plan.role.name
						) }
				<ul className="civikey-connect__permissions">
					{ plan.permissions.map( ( permission ) => (
						<li key={ permission }>{ permission }</li>
					) ) }
				</ul>
				<p className="description">
					{ sprintf(
						/* translators: %s: comma-separated WordPress capabilities. */
						_n(
							'WordPress capability: %s',
							'WordPress capabilities: %s',
							plan.role.capabilities.length,
							'civikey'
						),
						plan.role.capabilities.join( ', ' )
					) }
				</p>
			</li>
			<li>
				<strong>{ __( 'A key', 'civikey' ) }</strong>{ ' ' }
				{ sprintf(
					/* translators: %d: number of characters. */
					__(
						'%d random letters and digits, made in your browser and saved on the contact. You will see it once, on the last step.',
						'civikey'
					),
					plan.key_length
				) }
			</li>
		</ol>
	);
}

/**
 * Step 2: what "Create" will make, as the server plans it (nothing changes
 * yet), with a warning when contacts of that name exist already.
 *
 * @param props                 Component props.
 * @param props.headingRef      Ref to the heading.
 * @param props.request         The integration asked for.
 * @param props.onBack          Goes back to step 1.
 * @param props.onCreate        Creates it all.
 * @param props.onManageContact Manages an existing contact instead.
 */
export default function ReviewStep( {
	headingRef,
	request,
	onBack,
	onCreate,
	onManageContact,
}: ReviewStepProps ) {
	const load = useCallback(
		( options: RequestOptions ) => getIntegrationPlan( request, options ),
		[ request ]
	);
	const { data: plan, error, isLoading, retry } = useApiRequest( load );

	return (
		<StepCard
			number={ 2 }
			title={ __( 'Review what will be created', 'civikey' ) }
			headingRef={ headingRef }
			actions={
				<>
					<Button
						variant="secondary"
						onClick={ onBack }
						__next40pxDefaultSize
					>
						{ __( 'Back', 'civikey' ) }
					</Button>
					<Button
						variant="primary"
						onClick={ () => plan && onCreate( plan ) }
						disabled={ ! plan || isLoading }
						accessibleWhenDisabled
						__next40pxDefaultSize
					>
						{ __( 'Create everything', 'civikey' ) }
					</Button>
				</>
			}
		>
			{ isLoading && (
				<LoadingMessage>
					{ __( 'Working out what will be created…', 'civikey' ) }
				</LoadingMessage>
			) }
			{ error && (
				<ErrorNotice
					error={ error }
					onRetry={ retry }
					isRetrying={ isLoading }
				/>
			) }
			{ plan && plan.existing_contacts.length > 0 && (
				<Notice status="warning" isDismissible={ false }>
					<p>
						{ sprintf(
							/* translators: %s: integration name. */
							_n(
								'CiviCRM already has a contact named “%s”. If it stands for this integration, manage its key instead of creating another one:',
								'CiviCRM already has contacts named “%s”. If one stands for this integration, manage its key instead of creating another one:',
								plan.existing_contacts.length,
								'civikey'
							),
							plan.name
						) }
					</p>
					<ul className="civikey-connect__namesakes">
						{ plan.existing_contacts.map( ( contact ) => (
							<li key={ contact.id }>
								<Button
									variant="link"
									onClick={ () =>
										onManageContact( contact.id )
									}
								>
									{ sprintf(
										/* translators: %s: contact name and ID. */
										__( 'Manage %s instead', 'civikey' ),
										namesakeLabel( contact )
									) }
								</Button>
							</li>
						) ) }
					</ul>
				</Notice>
			) }
			{ plan && (
				<>
					<p>
						{ __(
							'Nothing has been changed yet. “Create everything” makes, in this order:',
							'civikey'
						) }
					</p>
					<PlanList plan={ plan } />
					<p>
						{ __(
							'If any part fails, CiviKey removes what it made in this run and says what failed.',
							'civikey'
						) }
					</p>
				</>
			) }
		</StepCard>
	);
}

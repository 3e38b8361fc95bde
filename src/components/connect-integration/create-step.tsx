/**
 * WordPress dependencies
 */
import { Button, Flex, Notice, Spinner } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	IntegrationPlan,
	IntegrationSetupError,
	IntegrationStep,
} from '../../api/integration-types';
import { isOutcomeUnknown } from '../../api/integrations';
import StepCard from './step-card';
import type { CreateStepProps } from './types';

/** The parts, in the order the server makes them. */
const PARTS = [ 'contact', 'user', 'role', 'key' ] as const;
type Part = ( typeof PARTS )[ number ];

/**
 * A part in words, as planned.
 *
 * @param part Part.
 * @param plan The plan.
 * @return E.g. "Contact “Zapier”".
 */
function describePart( part: Part, plan: IntegrationPlan ): string {
	switch ( part ) {
		case 'contact':
			return sprintf(
				/* translators: %s: contact name. */
				__( 'Contact “%s”', 'civikey' ),
				plan.contact.display_name
			);
		case 'user':
			return sprintf(
				/* translators: %s: user login. */
				__( 'WordPress user %s, linked to the contact', 'civikey' ),
				plan.user.login
			);
		case 'role':
			return plan.role.exists
				? sprintf(
						/* translators: %s: role name. */
						__(
							'Existing role “%s”, given to the user',
							'civikey'
						),
						plan.role.name
					)
				: sprintf(
						/* translators: %s: role name. */
						__( 'New role “%s”, given to the user', 'civikey' ),
						plan.role.name
					);
		case 'key':
			return sprintf(
				/* translators: %d: number of characters. */
				__( '%d-character key on the contact', 'civikey' ),
				plan.key_length
			);
	}
}

/**
 * What became of a part in a failed run, with a word that says it (not
 * colour alone).
 *
 * @param part    Part.
 * @param failure The failure.
 * @return The outcome in words.
 */
export function describeOutcome(
	part: Part,
	failure: IntegrationSetupError
): string {
	const left = failure.leftBehind.find( ( entry ) => entry.part === part );
	if ( left ) {
		return sprintf(
			/* translators: %s: ID of what was left (contact ID, user ID or role slug). */
			__(
				'made, and could not be removed (ID %s): remove it by hand',
				'civikey'
			),
			String( left.id )
		);
	}
	if ( part !== 'key' && failure.undone.includes( part ) ) {
		return __( 'made, then removed again', 'civikey' );
	}
	if ( failure.step === part ) {
		return __( 'failed', 'civikey' );
	}
	const failedAt = PARTS.indexOf( failure.step as Part );
	if ( failure.step === 'validate' || PARTS.indexOf( part ) > failedAt ) {
		return __( 'not started', 'civikey' );
	}
	// Before the failed step, yet neither undone nor left: nothing was made
	// (a role reused, not created, is not removed either).
	return __( 'nothing to undo', 'civikey' );
}

/**
 * What the server's message does not say about where a failed run left the
 * site: nothing when it named the failed part (its message then says what
 * was removed again, and the list below shows each part).
 *
 * @param failure The failure.
 * @param name    The integration's name.
 * @return The sentence, or null.
 */
function describeAftermath(
	failure: IntegrationSetupError,
	name: string
): string | null {
	if ( isOutcomeUnknown( failure ) ) {
		return sprintf(
			/* translators: %s: integration name. */
			__(
				'CiviKey got no usable answer, so it cannot tell whether anything was created. Go Back before trying again: the review lists any contact already named “%s”.',
				'civikey'
			),
			name
		);
	}
	if ( failure.step === null || failure.step === 'validate' ) {
		return __( 'Nothing was created.', 'civikey' );
	}
	return null;
}

/** Steps a failure can name, for the list; `validate` is before them all. */
const LISTED: readonly IntegrationStep[] = PARTS;

/**
 * Step 3: creates everything in one request, says it is running, and on
 * failure says exactly what failed, what was undone and what (if anything)
 * was left behind, with Back and Try again.
 *
 * @param props            Component props.
 * @param props.headingRef Ref to the heading.
 * @param props.plan       The plan being carried out.
 * @param props.isCreating Whether the request runs.
 * @param props.failure    Why the last attempt failed.
 * @param props.onBack     Goes back to the review.
 * @param props.onRetry    Tries again.
 */
export default function CreateStep( {
	headingRef,
	plan,
	isCreating,
	failure,
	onBack,
	onRetry,
}: CreateStepProps ) {
	const aftermath = failure && describeAftermath( failure, plan.name );
	const hasDetails =
		failure !== null && LISTED.includes( failure.step as IntegrationStep );

	return (
		<StepCard
			number={ 3 }
			title={ __( 'Create everything', 'civikey' ) }
			headingRef={ headingRef }
			actions={
				<>
					<Button
						variant="secondary"
						onClick={ onBack }
						disabled={ isCreating }
						accessibleWhenDisabled
						__next40pxDefaultSize
					>
						{ __( 'Back', 'civikey' ) }
					</Button>
					{ failure && (
						<Button
							variant="primary"
							onClick={ onRetry }
							disabled={ isCreating }
							accessibleWhenDisabled
							__next40pxDefaultSize
						>
							{ __( 'Try again', 'civikey' ) }
						</Button>
					) }
				</>
			}
		>
			<div role="status" aria-atomic="true">
				{ isCreating && (
					<Flex justify="flex-start">
						<Spinner />
						<span>
							{ __(
								'Creating the contact, the user, the role and the key…',
								'civikey'
							) }
						</span>
					</Flex>
				) }
			</div>

			{ failure && (
				<Notice
					status="error"
					isDismissible={ false }
					spokenMessage={ null }
				>
					<div role="alert">
						<p>
							<strong>
								{ __(
									'The integration was not created.',
									'civikey'
								) }
							</strong>{ ' ' }
							{ failure.message }
						</p>
						{ aftermath && <p>{ aftermath }</p> }
						<p className="description">
							{ sprintf(
								/* translators: %s: machine-readable error code, e.g. rest_forbidden. */
								__( 'Error code: %s', 'civikey' ),
								failure.code
							) }
						</p>
					</div>
				</Notice>
			) }

			<ol
				className="civikey-connect__parts"
				aria-label={ __( 'What this run makes', 'civikey' ) }
			>
				{ PARTS.map( ( part ) => (
					<li key={ part }>
						{ hasDetails && failure
							? sprintf(
									/* translators: 1: a part, e.g. Contact “Zapier”, 2: what became of it, e.g. made, then removed again. */
									__( '%1$s: %2$s', 'civikey' ),
									describePart( part, plan ),
									describeOutcome( part, failure )
								)
							: describePart( part, plan ) }
					</li>
				) ) }
			</ol>
		</StepCard>
	);
}

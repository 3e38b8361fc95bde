/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useId } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getContactLabel } from '../../utils/contact';
import CopyButton from '../copy-button';
import ShownOnceKey from '../new-key-notice/shown-once-key';
import LiveTestOutcome from './live-test-outcome';
import StepCard from './step-card';
import type { KeyStepProps } from './types';

/**
 * Step 4: the key, once, with Copy; and the live test, which runs by itself
 * as soon as the key is saved. No Back: what was created is there now, and
 * the summary links to managing it.
 *
 * @param props             Component props.
 * @param props.headingRef  Ref to the heading.
 * @param props.result      What was created.
 * @param props.apiKey      The key.
 * @param props.isCopied    Whether it was copied.
 * @param props.onCopied    Copy handler.
 * @param props.test        The live test.
 * @param props.onTestAgain Runs the test again.
 * @param props.onDone      Forgets the key, shows the summary.
 */
export default function KeyStep( {
	headingRef,
	result,
	apiKey,
	isCopied,
	onCopied,
	test,
	onTestAgain,
	onDone,
}: KeyStepProps ) {
	const warningId = useId();
	const testHeadingId = useId();

	return (
		<StepCard
			number={ 4 }
			title={ __( 'Copy the key', 'civikey' ) }
			headingRef={ headingRef }
			actions={
				<Button
					variant={ isCopied ? 'primary' : 'secondary' }
					onClick={ onDone }
					__next40pxDefaultSize
				>
					{ __( 'Done, I have copied it', 'civikey' ) }
				</Button>
			}
		>
			<p>
				{ sprintf(
					/* translators: 1: contact name and ID, 2: user login, 3: role name. */
					__(
						'Created: %1$s, the WordPress user %2$s linked to it, with the role “%3$s”, and the key below on the contact.',
						'civikey'
					),
					getContactLabel( result.contact ),
					result.user.login,
					result.role.name
				) }
			</p>
			<ShownOnceKey apiKey={ apiKey } warningId={ warningId } />
			<CopyButton
				text={ apiKey }
				label={ __( 'Copy key', 'civikey' ) }
				variant="primary"
				onCopied={ onCopied }
			/>

			<section aria-labelledby={ testHeadingId }>
				<h3 id={ testHeadingId }>{ __( 'Live test', 'civikey' ) }</h3>
				<p>
					{ __(
						'CiviKey sent the key to this site’s CiviCRM the way the integration will, to see whom it logs in as.',
						'civikey'
					) }
				</p>
				<LiveTestOutcome
					test={ test }
					contactId={ result.contact.id }
				/>
				<Button
					variant="secondary"
					onClick={ onTestAgain }
					disabled={ test.isTesting }
					accessibleWhenDisabled
					__next40pxDefaultSize
				>
					{ __( 'Test this key again', 'civikey' ) }
				</Button>
			</section>
		</StepCard>
	);
}

/**
 * WordPress dependencies
 */
import { Flex, Spinner } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import ErrorNotice from '../error-notice';
import type { LiveTestOutcomeProps } from './types';

/**
 * The live test in words: running, "It works: Authenticated as contact N.",
 * or the precise reason it did not, with the mark that says it (not colour
 * alone). The words sit in a status region, so they are announced.
 *
 * @param props           Component props.
 * @param props.test      The test.
 * @param props.contactId The contact the key should log in as.
 */
export default function LiveTestOutcome( {
	test,
	contactId,
}: LiveTestOutcomeProps ) {
	const { isTesting, result, error } = test;
	const isOtherContact =
		result !== null &&
		result.ok &&
		result.contact_id !== null &&
		result.contact_id !== contactId;

	return (
		<>
			<div
				className="civikey-key-test__result"
				role="status"
				aria-atomic="true"
			>
				{ isTesting && (
					<Flex justify="flex-start">
						<Spinner />
						<span>
							{ __(
								'Testing the key against this site’s CiviCRM…',
								'civikey'
							) }
						</span>
					</Flex>
				) }
				{ ! isTesting && result && (
					<p>
						<strong>
							{ result.ok && ! isOtherContact
								? __( 'It works:', 'civikey' )
								: __( 'It does not work:', 'civikey' ) }
						</strong>{ ' ' }
						{ result.message }
						{ isOtherContact &&
							` ${ sprintf(
								/* translators: %d: CiviCRM contact ID. */
								__(
									'That is not contact %d, which the key was saved on. Replace the key from the Keys view.',
									'civikey'
								),
								contactId
							) }` }
					</p>
				) }
				{ ! isTesting && result?.ok && result.with_site_key && (
					<p>
						{ __(
							'It worked only when the site key was sent too (X-Civi-Key header). Send the site key with every request, or give the contact’s user the “authenticate with api key” permission (a dedicated role does) so the site key need not be shared.',
							'civikey'
						) }
					</p>
				) }
			</div>
			{ ! isTesting && error && <ErrorNotice error={ error } /> }
		</>
	);
}

/**
 * WordPress dependencies
 */
import {
	Card,
	CardBody,
	CardHeader,
	Notice,
	Spinner,
} from '@wordpress/components';
import { useId, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getConnection } from '../../api/client';
import type { SiteKeyHeader } from '../../api/types';
import useApiRequest from '../../hooks/use-api-request';
import CopyButton from '../copy-button';
import ErrorNotice from '../error-notice';
import {
	API_KEY_PLACEHOLDER,
	buildApi4Command,
	buildIdentityCommand,
} from './curl';
import SiteKey from './site-key';
import type { UsageHelpProps } from './types';

/**
 * The site's answer about the site key, for this contact when its report is
 * in: AuthX's permission guard lets the key in without the site key exactly
 * when the contact's user may "authenticate with api key".
 *
 * @param siteKeyHeader What the site's AuthX settings say.
 * @param needsSiteKey  What the contact's report says; null when unknown.
 * @return The answer for this contact.
 */
function forContact(
	siteKeyHeader: SiteKeyHeader,
	needsSiteKey: boolean | null
): SiteKeyHeader {
	if ( siteKeyHeader !== 'depends_on_user' || needsSiteKey === null ) {
		return siteKeyHeader;
	}
	return needsSiteKey ? 'required' : 'not_required';
}

/**
 * "How to use this key": ready-to-run curl commands for this site's APIv4
 * REST endpoint. They hold the real key only while it is shown once, and the
 * real site key only once the admin reveals it; placeholders otherwise.
 *
 * @param props              Component props.
 * @param props.apiKey       The new key while shown once, or null.
 * @param props.needsSiteKey Whether this contact's requests need the site key, once known.
 */
export default function UsageHelp( {
	apiKey,
	needsSiteKey = null,
}: UsageHelpProps ) {
	const headingId = useId();
	const connection = useApiRequest( getConnection );
	const [ siteKey, setSiteKey ] = useState< string | null >( null );

	const details = connection.data;
	const siteKeyHeader = details
		? forContact( details.site_key_header, needsSiteKey )
		: null;
	const options = details &&
		siteKeyHeader && {
			apiKey,
			siteKeyHeader,
			siteKey,
		};
	const api4Command =
		details && options
			? buildApi4Command( { ...options, url: details.api4_url } )
			: '';
	const identityCommand =
		details && options
			? buildIdentityCommand( { ...options, url: details.authx_id_url } )
			: '';

	return (
		<Card
			as="section"
			className="civikey-usage-help"
			aria-labelledby={ headingId }
		>
			<CardHeader>
				<h2 id={ headingId }>
					{ __( 'How to use this key', 'civikey' ) }
				</h2>
			</CardHeader>
			<CardBody>
				{ connection.isLoading && <Spinner /> }
				{ connection.error && (
					<ErrorNotice
						error={ connection.error }
						onRetry={ connection.retry }
						isRetrying={ connection.isLoading }
					/>
				) }

				{ details && (
					<>
						<p>
							{ __(
								'Send the key in the X-Civi-Auth header as a bearer token. This request lists five contacts through CiviCRM’s APIv4 REST endpoint:',
								'civikey'
							) }
						</p>

						{ ! details.xheader_accepts_api_key && (
							<Notice status="warning" isDismissible={ false }>
								{ __(
									'AuthX on this site does not accept API keys in the X-Civi-Auth header, so this request will be refused. In CiviCRM, go to Administer » System Settings » Authentication and add “API Key” to the credentials accepted in the X-Header.',
									'civikey'
								) }
							</Notice>
						) }

						<pre className="civikey-usage-help__command">
							<code>{ api4Command }</code>
						</pre>
						<CopyButton
							text={ api4Command }
							label={ __( 'Copy command', 'civikey' ) }
						/>
						<p className="description">
							{ apiKey
								? sprintf(
										/* translators: %s: placeholder shown instead of the key, YOUR_API_KEY. */
										__(
											'The command holds the new key. Once you press “Done”, it shows %s instead.',
											'civikey'
										),
										API_KEY_PLACEHOLDER
									)
								: sprintf(
										/* translators: %s: placeholder shown instead of the key, YOUR_API_KEY. */
										__(
											'Replace %s with the key. CiviKey cannot show a saved key again: if it is lost, replace the key.',
											'civikey'
										),
										API_KEY_PLACEHOLDER
									) }
						</p>

						<h3>
							{ __( 'Check who the key logs in as', 'civikey' ) }
						</h3>
						<p>
							{ __(
								'AuthX answers with the CiviCRM contact ID and WordPress user ID the key logs in as:',
								'civikey'
							) }
						</p>
						<pre className="civikey-usage-help__command">
							<code>{ identityCommand }</code>
						</pre>
						<CopyButton
							text={ identityCommand }
							label={ __( 'Copy check command', 'civikey' ) }
						/>

						{ siteKeyHeader && siteKeyHeader !== 'not_required' && (
							<SiteKey
								siteKeyHeader={ siteKeyHeader }
								revealed={ siteKey }
								onRevealedChange={ setSiteKey }
							/>
						) }
					</>
				) }
			</CardBody>
		</Card>
	);
}

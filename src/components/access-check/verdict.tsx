/**
 * WordPress dependencies
 */
import { Notice, Spinner } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AccessReport } from '../../api/access-types';
import type { VerdictProps } from './types';

/**
 * The answer to "Will this key work?", in a few words.
 *
 * @param report The report.
 * @return The answer.
 */
function getAnswer( report: AccessReport ): string {
	switch ( report.verdict ) {
		case 'works':
			return report.needs_site_key
				? __( 'Yes, but only with the site key.', 'civikey' )
				: __( 'Yes, it will work.', 'civikey' );
		case 'anonymous':
			return __(
				'Only as an anonymous visitor: it logs in, but may do very little.',
				'civikey'
			);
	}
	return __( 'No, it will be refused.', 'civikey' );
}

/**
 * Whom requests run as, in words.
 *
 * @param report The report.
 * @return E.g. "the WordPress user “zapier”".
 */
export function describeRunsAs( report: AccessReport ): string {
	if ( report.runs_as.type === 'anonymous' ) {
		return __( 'an anonymous visitor', 'civikey' );
	}
	return sprintf(
		/* translators: %s: WordPress login. */
		__( 'the WordPress user “%s”', 'civikey' ),
		report.runs_as.login ?? String( report.runs_as.user_id )
	);
}

/**
 * The verdict, on top, in plain words and a colour that only repeats them.
 * It sits in a live region, so a new verdict (after a fix or a change of
 * profile) is announced.
 *
 * @param props           Component props.
 * @param props.report    The report.
 * @param props.isLoading Whether a report is being fetched.
 */
export default function Verdict( { report, isLoading }: VerdictProps ) {
	let status: 'success' | 'warning' | 'error' = 'error';
	if ( report?.verdict === 'works' ) {
		status = 'success';
	} else if ( report?.verdict === 'anonymous' ) {
		status = 'warning';
	}

	return (
		<div
			className="civikey-access-check__verdict"
			role="status"
			aria-busy={ isLoading }
		>
			{ isLoading && (
				<p className="civikey-access-check__checking">
					<Spinner />
					{ report
						? __( 'Checking again…', 'civikey' )
						: __(
								'Checking whether this key will work…',
								'civikey'
							) }
				</p>
			) }
			{ report && (
				<Notice
					status={ status }
					isDismissible={ false }
					spokenMessage={ null }
				>
					<p className="civikey-access-check__answer">
						<strong>{ getAnswer( report ) }</strong>
					</p>
					<p>{ report.summary }</p>
					<p>
						{ sprintf(
							/* translators: %s: e.g. "the WordPress user “zapier”" or "an anonymous visitor". */
							__(
								'Requests made with the key run as %s.',
								'civikey'
							),
							describeRunsAs( report )
						) }
					</p>
				</Notice>
			) }
		</div>
	);
}

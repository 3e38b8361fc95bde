/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { testContactKey } from '../../api/access';
import type { KeyTestResult } from '../../api/access-types';
import type { ApiError } from '../../api/types';
import ErrorNotice from '../error-notice';
import type { KeyTestProps } from './types';

/**
 * The outcome in words, with the mark that says it (not colour alone).
 *
 * @param props        Component props.
 * @param props.result Outcome.
 */
function Outcome( { result }: { result: KeyTestResult } ) {
	return (
		<>
			<p>
				<strong>
					{ result.ok
						? __( 'It works:', 'civikey' )
						: __( 'It does not work:', 'civikey' ) }
				</strong>{ ' ' }
				{ result.message }
			</p>
			{ result.ok && result.with_site_key && (
				<p>
					{ __(
						'It worked only when the site key was sent too (X-Civi-Key header). Send the site key with every request, or give the contact’s user the “authenticate with api key” permission (a dedicated role does) so the site key need not be shared.',
						'civikey'
					) }
				</p>
			) }
		</>
	);
}

/**
 * "Test this key now": sends the key (in the body) to the server, which tries
 * it on this site's CiviCRM as an integration would, and says whom it
 * authenticated as, or CiviCRM's precise reason for refusing it.
 *
 * @param props           Component props.
 * @param props.contactId Contact the key was saved on.
 * @param props.apiKey    The key.
 * @param props.onTested  Called after each test.
 */
export default function KeyTest( {
	contactId,
	apiKey,
	onTested,
}: KeyTestProps ) {
	const [ isTesting, setIsTesting ] = useState( false );
	const [ result, setResult ] = useState< KeyTestResult | null >( null );
	const [ error, setError ] = useState< ApiError | null >( null );
	const controller = useRef< AbortController | null >( null );

	// The answer of a test still running when the notice goes is ignored.
	useEffect( () => () => controller.current?.abort(), [] );

	const run = async () => {
		if ( isTesting ) {
			return;
		}
		controller.current = new AbortController();
		const { signal } = controller.current;
		setIsTesting( true );
		setError( null );
		setResult( null );
		try {
			const outcome = await testContactKey( contactId, apiKey, {
				signal,
			} );
			if ( ! signal.aborted ) {
				setResult( outcome );
			}
		} catch ( caught ) {
			if ( ! signal.aborted ) {
				setError( caught as ApiError ); // The client rejects with ApiError.
			}
		}
		if ( ! signal.aborted ) {
			setIsTesting( false );
			onTested?.();
		}
	};

	return (
		<div className="civikey-key-test">
			<p>
				{ __(
					'Will it work? CiviKey can send it to this site’s CiviCRM the way an integration would, and tell you whom it logs in as.',
					'civikey'
				) }
			</p>
			<Button
				variant="secondary"
				onClick={ run }
				isBusy={ isTesting }
				disabled={ isTesting }
				accessibleWhenDisabled
				__next40pxDefaultSize
			>
				{ result || error
					? __( 'Test this key again', 'civikey' )
					: __( 'Test this key now', 'civikey' ) }
			</Button>
			<div
				className="civikey-key-test__result"
				role="status"
				aria-atomic="true"
			>
				{ isTesting &&
					__(
						'Testing the key against this site’s CiviCRM…',
						'civikey'
					) }
				{ result && <Outcome result={ result } /> }
			</div>
			{ error && <ErrorNotice error={ error } /> }
		</div>
	);
}

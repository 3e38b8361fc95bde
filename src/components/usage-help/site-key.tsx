/**
 * WordPress dependencies
 */
import { Button, Flex, Spinner, TextControl } from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getSiteKeyInfo, revealSiteKey } from '../../api/client';
import type { ApiError } from '../../api/types';
import useApiRequest from '../../hooks/use-api-request';
import CopyButton from '../copy-button';
import ErrorNotice from '../error-notice';
import type { SiteKeyProps } from './types';

/**
 * CiviCRM's site key: whether it is defined and its length, and the key
 * itself only after the admin presses Reveal. The revealed key lives in the
 * parent's state only, and goes when the admin hides it or leaves.
 *
 * @param props                  Component props.
 * @param props.siteKeyHeader    Whether AuthX wants it.
 * @param props.revealed         The revealed key, or null.
 * @param props.onRevealedChange Reveal and hide handler.
 */
export default function SiteKey( {
	siteKeyHeader,
	revealed,
	onRevealedChange,
}: SiteKeyProps ) {
	const info = useApiRequest( getSiteKeyInfo );
	const [ isRevealing, setIsRevealing ] = useState( false );
	const [ revealError, setRevealError ] = useState< ApiError | null >( null );
	const revealRef = useRef< HTMLButtonElement >( null );
	const valueRef = useRef< HTMLInputElement >( null );
	const hasToggled = useRef( false );

	// Keep focus on what replaced the button just pressed.
	useEffect( () => {
		if ( ! hasToggled.current ) {
			return;
		}
		( revealed !== null ? valueRef : revealRef ).current?.focus();
	}, [ revealed ] );

	const reveal = async () => {
		setIsRevealing( true );
		setRevealError( null );
		try {
			const siteKey = await revealSiteKey();
			hasToggled.current = true;
			onRevealedChange( siteKey );
		} catch ( caught ) {
			setRevealError( caught as ApiError ); // The client rejects with ApiError.
		} finally {
			setIsRevealing( false );
		}
	};

	const hide = () => {
		hasToggled.current = true;
		onRevealedChange( null );
	};

	let explanation: string;
	if ( siteKeyHeader === 'required' ) {
		explanation = __(
			'AuthX on this site requires the site key with every request, in the X-Civi-Key header.',
			'civikey'
		);
	} else if ( siteKeyHeader === 'depends_on_user' ) {
		explanation = __(
			'AuthX on this site asks for the site key (X-Civi-Key header) unless the user the key logs in as has the CiviCRM permission “authenticate with api key”.',
			'civikey'
		);
	} else {
		explanation = __(
			'AuthX on this site does not ask for the site key.',
			'civikey'
		);
	}

	return (
		<div className="civikey-site-key">
			<h3>{ __( 'Site key', 'civikey' ) }</h3>
			<p>{ explanation }</p>

			{ info.isLoading && <Spinner /> }
			{ info.error && (
				<ErrorNotice
					error={ info.error }
					onRetry={ info.retry }
					isRetrying={ info.isLoading }
				/>
			) }

			{ info.data && ! info.data.defined && (
				<p>
					{ __(
						'Site key: not defined. Set CIVICRM_SITE_KEY in civicrm.settings.php.',
						'civikey'
					) }
				</p>
			) }

			{ info.data && info.data.defined && (
				<>
					<p>
						{ sprintf(
							/* translators: %d: number of characters of the site key. */
							__(
								'Site key: defined (%d characters).',
								'civikey'
							),
							info.data.length
						) }
					</p>
					{ revealed === null ? (
						<Button
							ref={ revealRef }
							variant="secondary"
							onClick={ reveal }
							isBusy={ isRevealing }
							disabled={ isRevealing }
							accessibleWhenDisabled
							__next40pxDefaultSize
						>
							{ __( 'Reveal site key', 'civikey' ) }
						</Button>
					) : (
						<>
							<TextControl
								ref={ valueRef }
								className="civikey-key-field"
								label={ __( 'Site key', 'civikey' ) }
								value={ revealed }
								onChange={ () => {} }
								readOnly
								spellCheck={ false }
								autoComplete="off"
								__next40pxDefaultSize
								__nextHasNoMarginBottom
							/>
							<Flex justify="flex-start">
								<CopyButton
									text={ revealed }
									label={ __( 'Copy site key', 'civikey' ) }
								/>
								<Button
									variant="tertiary"
									onClick={ hide }
									__next40pxDefaultSize
								>
									{ __( 'Hide site key', 'civikey' ) }
								</Button>
							</Flex>
						</>
					) }
					{ revealError && <ErrorNotice error={ revealError } /> }
				</>
			) }
		</div>
	);
}

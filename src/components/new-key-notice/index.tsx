/**
 * External dependencies
 */
import type { ForwardedRef } from 'react';

/**
 * WordPress dependencies
 */
import { Button, Flex, Notice } from '@wordpress/components';
import {
	forwardRef,
	useEffect,
	useId,
	useImperativeHandle,
	useRef,
} from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import useBeforeUnload from '../../hooks/use-before-unload';
import { getContactLabel } from '../../utils/contact';
import CopyButton from '../copy-button';
import KeyTest from './key-test';
import type { NewKeyNoticeProps } from './types';
import ShownOnceKey from './shown-once-key';

/**
 * Shows a newly saved key once, with Copy, and says it will not be shown
 * again. Focus moves here when it appears, so keyboard and screen reader
 * users land on it. Until the key is copied (or Done is pressed), leaving the
 * page asks for confirmation. "Test this key now" tries it for real, this
 * being the one moment the key is known in the browser.
 *
 * @param props          Component props.
 * @param props.apiKey   The key.
 * @param props.contact  The contact it was saved on.
 * @param props.action   First key or replacement.
 * @param props.isCopied Whether it has been copied.
 * @param props.onCopied Copy handler.
 * @param props.onDone   Done handler.
 * @param props.onTested Called after the key was tested.
 * @param ref            Ref to the section, to bring focus back to it.
 */
function NewKeyNotice(
	{
		apiKey,
		contact,
		action,
		isCopied,
		onCopied,
		onDone,
		onTested,
	}: NewKeyNoticeProps,
	ref: ForwardedRef< HTMLElement | null >
) {
	const headingId = useId();
	const warningId = useId();
	const sectionRef = useRef< HTMLElement >( null );
	const label = getContactLabel( contact );
	useImperativeHandle< HTMLElement | null, HTMLElement | null >(
		ref,
		() => sectionRef.current
	);

	useBeforeUnload( ! isCopied );

	useEffect( () => {
		sectionRef.current?.focus();
	}, [] );

	return (
		<section
			ref={ sectionRef }
			tabIndex={ -1 }
			className="civikey-new-key-notice"
			aria-labelledby={ headingId }
			aria-describedby={ warningId }
		>
			<Notice
				status="success"
				isDismissible={ false }
				spokenMessage={ null }
			>
				<h2 id={ headingId }>
					{ action === 'rotate'
						? sprintf(
								/* translators: %s: contact name and ID. */
								__(
									'New key saved on %s. The old key no longer works.',
									'civikey'
								),
								label
							)
						: sprintf(
								/* translators: %s: contact name and ID. */
								__( 'Key saved on %s.', 'civikey' ),
								label
							) }
				</h2>
				<ShownOnceKey apiKey={ apiKey } warningId={ warningId } />
				<Flex justify="flex-start" wrap>
					<CopyButton
						text={ apiKey }
						label={ __( 'Copy key', 'civikey' ) }
						variant="primary"
						onCopied={ onCopied }
					/>
					<Button
						variant={ isCopied ? 'primary' : 'secondary' }
						onClick={ onDone }
						__next40pxDefaultSize
					>
						{ __( 'Done, I have copied it', 'civikey' ) }
					</Button>
				</Flex>
				<KeyTest
					contactId={ contact.id }
					apiKey={ apiKey }
					onTested={ onTested }
				/>
			</Notice>
		</section>
	);
}

export default forwardRef( NewKeyNotice );

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { copyText } from '../../utils/clipboard';
import type { CopyButtonProps } from './types';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * A Copy button that says, in a polite live region, whether it worked: the
 * admin hears "Copied", or how to copy by hand when the browser refused.
 *
 * @param props          Component props.
 * @param props.text     Text to copy.
 * @param props.label    Button text.
 * @param props.onCopied Called once the text is on the clipboard.
 * @param props.variant  Button variant.
 * @param props.disabled Whether the button can be used.
 */
export default function CopyButton( {
	text,
	label,
	onCopied,
	variant = 'secondary',
	disabled = false,
}: CopyButtonProps ) {
	const [ state, setState ] = useState< CopyState >( 'idle' );
	const current = typeof text === 'function' ? null : text;

	// A new text has not been copied yet.
	useEffect( () => setState( 'idle' ), [ current ] );

	const copy = async () => {
		const value = typeof text === 'function' ? text() : text;
		setState( 'idle' );
		if ( await copyText( value ) ) {
			setState( 'copied' );
			onCopied?.();
		} else {
			setState( 'failed' );
		}
	};

	let message = '';
	if ( state === 'copied' ) {
		message = __( 'Copied.', 'civikey' );
	} else if ( state === 'failed' ) {
		message = __(
			'Your browser did not let CiviKey copy. Select the text and press Ctrl+C (⌘+C on a Mac).',
			'civikey'
		);
	}

	return (
		<span className="civikey-copy-button">
			<Button
				variant={ variant }
				onClick={ copy }
				disabled={ disabled }
				accessibleWhenDisabled
				__next40pxDefaultSize
			>
				{ label ?? __( 'Copy', 'civikey' ) }
			</Button>
			<span
				className="civikey-copy-button__status"
				aria-live="polite"
				aria-atomic="true"
			>
				{ message }
			</span>
		</span>
	);
}

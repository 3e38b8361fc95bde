/**
 * External dependencies
 */
import type { FocusEvent } from 'react';

/**
 * WordPress dependencies
 */
import { TextControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * The warning that a new key is shown only this once, and the key itself in
 * a read-only field that selects itself on focus, for copying by hand.
 *
 * @param props           Component props.
 * @param props.apiKey    The new key.
 * @param props.warningId ID for the warning, so the field (and the caller's
 *                        region) can be described by it.
 */
export default function ShownOnceKey( {
	apiKey,
	warningId,
}: {
	apiKey: string;
	warningId: string;
} ) {
	return (
		<>
			<p id={ warningId }>
				<strong>
					{ __(
						'Copy this key now. You will not see it again: CiviKey does not store it and CiviCRM will not show it.',
						'civikey'
					) }
				</strong>
			</p>
			<TextControl
				className="civikey-key-field"
				label={ __( 'New API key', 'civikey' ) }
				value={ apiKey }
				onChange={ () => {} }
				onFocus={ ( event: FocusEvent< HTMLInputElement > ) =>
					event.currentTarget.select()
				}
				aria-describedby={ warningId }
				readOnly
				spellCheck={ false }
				autoComplete="off"
				__next40pxDefaultSize
				__nextHasNoMarginBottom
			/>
		</>
	);
}

/**
 * WordPress dependencies
 */
import { Button, Flex, Modal } from '@wordpress/components';
import { useEffect, useRef } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ConfirmDialogProps } from './types';

/**
 * Asks before doing something that cannot be undone.
 *
 * Built on Modal (not the experimental ConfirmDialog) to control the
 * wording, the busy state and focus: focus starts on Cancel, so pressing
 * Enter by reflex does not destroy anything; the Modal returns focus to the
 * element that opened it.
 *
 * @param props               Component props.
 * @param props.title         Question.
 * @param props.children      Explanation.
 * @param props.confirmLabel  Go-ahead button text.
 * @param props.cancelLabel   Back-out button text.
 * @param props.isDestructive Whether going ahead destroys something.
 * @param props.isBusy        Whether the action is running.
 * @param props.onConfirm     Go-ahead handler.
 * @param props.onCancel      Back-out handler.
 */
export default function ConfirmDialog( {
	title,
	children,
	confirmLabel,
	cancelLabel,
	isDestructive = false,
	isBusy = false,
	onConfirm,
	onCancel,
}: ConfirmDialogProps ) {
	const cancelRef = useRef< HTMLButtonElement >( null );

	// Start on Cancel (the Modal's own first-element search needs layout,
	// and differs across WordPress versions).
	useEffect( () => {
		cancelRef.current?.focus();
	}, [] );

	const cancel = () => {
		if ( ! isBusy ) {
			onCancel();
		}
	};

	return (
		<Modal
			title={ title }
			onRequestClose={ cancel }
			focusOnMount={ false }
			shouldCloseOnClickOutside={ ! isBusy }
			shouldCloseOnEsc={ ! isBusy }
			size="medium"
			className="civikey-confirm-dialog"
		>
			<div className="civikey-confirm-dialog__content">{ children }</div>
			<Flex justify="flex-end">
				<Button
					ref={ cancelRef }
					variant="tertiary"
					onClick={ cancel }
					disabled={ isBusy }
					accessibleWhenDisabled
					__next40pxDefaultSize
				>
					{ cancelLabel ?? __( 'Cancel', 'civikey' ) }
				</Button>
				<Button
					variant="primary"
					isDestructive={ isDestructive }
					onClick={ () => ! isBusy && onConfirm() }
					isBusy={ isBusy }
					disabled={ isBusy }
					accessibleWhenDisabled
					__next40pxDefaultSize
				>
					{ confirmLabel }
				</Button>
			</Flex>
		</Modal>
	);
}

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

export interface ConfirmDialogProps {
	/** Question the dialog asks; names what the action is about. */
	title: string;
	/** Explanation, e.g. what stops working. */
	children: ReactNode;
	/** Text of the button that goes ahead, e.g. "Revoke key". */
	confirmLabel: string;
	/** Text of the button that backs out; "Cancel" by default. */
	cancelLabel?: string;
	/** Whether going ahead destroys something: the button is then red. */
	isDestructive?: boolean;
	/** Whether the action is running: both buttons wait, the dialog stays. */
	isBusy?: boolean;
	/** Called when the admin goes ahead. */
	onConfirm: () => void;
	/** Called when the admin backs out (button, Escape, close icon). */
	onCancel: () => void;
}

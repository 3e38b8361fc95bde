/**
 * Internal dependencies
 */
import type { Contact, KeyChange } from '../../api/types';

export interface NewKeyNoticeProps {
	/** The key just saved; shown here once and nowhere else. */
	apiKey: string;
	/** The contact it was saved on. */
	contact: Contact;
	/** Whether it was a first key or a replacement. */
	action: KeyChange[ 'action' ];
	/** Whether the admin has copied it with the Copy button. */
	isCopied: boolean;
	/** Called once the key is on the clipboard. */
	onCopied: () => void;
	/** Called when the admin says they have copied it: forget the key. */
	onDone: () => void;
	/** Called after the key was tested, e.g. to check access again. */
	onTested?: () => void;
}

export interface KeyTestProps {
	/** The contact the key was saved on. */
	contactId: number;
	/** The key; sent in the request body only. */
	apiKey: string;
	/** Called after each test, whatever its outcome. */
	onTested?: () => void;
}

/**
 * Internal dependencies
 */
import type { Contact, KeyChange } from '../../api/types';
import type { OpenContactRequest } from '../app/types';

export interface KeyManagerProps {
	/**
	 * A contact to open, e.g. from the inventory's "Manage key". A new object
	 * each time, so asking twice for the same contact still counts.
	 * Default: null.
	 */
	openRequest?: OpenContactRequest | null;
	/**
	 * Opens "Connect a new integration"; without it, the way in is not
	 * shown.
	 */
	onConnect?: () => void;
}

/**
 * A key just saved, kept only until the admin has copied it and pressed
 * Done (or moved on to another contact).
 */
export interface ShownKey {
	/** The key itself. */
	value: string;
	/** The contact it was saved on. */
	contactId: number;
	/** First key or replacement. */
	action: KeyChange[ 'action' ];
	/** Whether the admin copied it with the Copy button. */
	isCopied: boolean;
}

/**
 * A contact the admin picked while a new key was still unshown: kept until
 * they confirm leaving the key behind.
 */
export interface PendingSelection {
	contact: Contact;
	/** Success message to show once selected, e.g. after creating it. */
	message: string | null;
}

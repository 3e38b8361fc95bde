/**
 * Internal dependencies
 */
import type { Contact, KeyChange } from '../../api/types';

/** Where the new key comes from. */
export type KeySource = 'generate' | 'paste';

export interface KeyEditorProps {
	/** The contact whose key is set, replaced or revoked. */
	contact: Contact;
	/**
	 * Called once the server has saved a key, with the key: the only copy
	 * left in the page, to show once.
	 */
	onSaved: ( change: KeyChange, key: string ) => void;
	/** Called once the server has revoked the key. */
	onRevoked: ( change: KeyChange ) => void;
	/**
	 * Called when the server says the contact's key is not what this page
	 * thinks (someone else changed it): the contact should be reloaded.
	 */
	onStale?: () => void;
}

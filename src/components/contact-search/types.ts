/**
 * Internal dependencies
 */
import type { Contact } from '../../api/types';

export interface ContactSearchProps {
	/** Called when the admin picks a contact from the results. */
	onSelect: ( contact: Contact ) => void;
	/**
	 * The contact picked last: marked as current in the results, and shown
	 * as it is now (its key may have changed since the search).
	 */
	selected?: Contact | null;
	/** Contacts per page. */
	perPage?: number;
	/** Milliseconds to wait after the last keystroke before searching. */
	debounceDelay?: number;
}

export interface ContactResultProps {
	/** The contact to show. */
	contact: Contact;
	/** Whether it is the contact picked last. */
	isSelected: boolean;
	/** Called when the admin picks it. */
	onSelect: ( contact: Contact ) => void;
}

/**
 * Internal dependencies
 */
import type { Contact } from '../../api/types';

export interface CreateContactModalProps {
	/** Called with the new contact once the server has created it. */
	onCreated: ( contact: Contact ) => void;
}

/**
 * Internal dependencies
 */
import type { Contact } from '../../api/types';

export interface ContactCardProps {
	/** The contact to describe. */
	contact: Contact;
}

/**
 * Internal dependencies
 */
import type {
	AccessCheck,
	AccessProfile,
	AccessReport,
	PermissionRow,
	UserChange,
	WpUser,
} from '../../api/access-types';
import type { Contact } from '../../api/types';

export interface AccessCheckProps {
	/** The contact whose key is judged. */
	contact: Contact;
	/**
	 * Checks again whenever it changes, e.g. after the key was tested.
	 * Default 0.
	 */
	refreshKey?: number;
	/**
	 * Called after a fix changed the contact's WordPress user or its roles,
	 * so the page can reload the contact.
	 */
	onChanged?: () => void;
	/**
	 * Called with whether requests with the contact's key must send the site
	 * key, each time a report arrives; with null while none is in.
	 */
	onNeedsSiteKeyChange?: ( needsSiteKey: boolean | null ) => void;
}

/** Fixes that change something, asked for in a dialog first. */
export type ConfirmedFix = 'create_user' | 'link_user' | 'apply_role';

export interface ProfileChooserProps {
	/** The profiles; empty while they load. */
	profiles: AccessProfile[];
	/** The chosen profile name, or `custom`. */
	profile: string;
	/** Permissions ticked for the custom profile. */
	custom: string[];
	/** Called with the newly chosen profile name. */
	onProfileChange: ( profile: string ) => void;
	/** Called with the newly ticked permissions. */
	onCustomChange: ( permissions: string[] ) => void;
}

export interface VerdictProps {
	/** The report; null while the first one loads. */
	report: AccessReport | null;
	/** Whether a report is being fetched. */
	isLoading: boolean;
}

export interface CheckListProps {
	checks: AccessCheck[];
	/** Whether fix buttons wait (a request runs). Default false. */
	isBusy?: boolean;
	/** Called when the admin asks for a fix that changes something. */
	onFix: ( fix: ConfirmedFix ) => void;
}

export interface PermissionTableProps {
	rows: PermissionRow[];
	/** Whom requests run as, in words. */
	who: string;
}

export interface LinkUserModalProps {
	/** The contact to link a user to. */
	contact: Contact;
	/** Called once a user is linked. */
	onLinked: ( change: UserChange, user: WpUser ) => void;
	/** Called when the admin backs out. */
	onClose: () => void;
	/** Milliseconds to wait after the last keystroke. Default 300. */
	debounceDelay?: number;
}

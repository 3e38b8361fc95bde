/**
 * Internal dependencies
 */
import type { Status } from '../../api/types';

export interface StatusPanelProps {
	/** What the server reported about CiviCRM, AuthX and the current user. */
	status: Status;
}

export interface StatusRowProps {
	/** Term shown in the definition list, e.g. "CiviCRM". */
	label: string;
	/** Short state in words, e.g. "Ready (version 5.78.0)". */
	value: string;
	/** Explanation shown as a notice under the value; none when empty. */
	message?: string;
	/** Notice severity for the explanation. */
	severity?: 'error' | 'warning' | 'info';
}

/**
 * Internal dependencies
 */
import type {
	InventoryItem,
	InventoryOrderBy,
	ProblemLabels,
	RevokeResult,
	SortOrder,
} from '../../api/inventory-types';

/** How the server orders the keys, across every page. */
export interface InventorySort {
	orderBy: InventoryOrderBy;
	order: SortOrder;
}

export interface InventoryViewProps {
	/**
	 * Opens a contact in the Keys view, e.g. to rotate its key.
	 *
	 * @param contactId CiviCRM contact ID.
	 */
	onOpenContact: ( contactId: number ) => void;
	/**
	 * Whether the view is on screen. When it comes back, the page is
	 * loaded again: keys may have changed in the Keys view meanwhile.
	 */
	isActive?: boolean;
	/** Keys per page, 1 to 200. */
	perPage?: number;
}

export interface InventoryTableProps {
	/** Rows, in the order to show. */
	items: InventoryItem[];
	/** Problem labels by code; a code without one is shown as is. */
	labels: ProblemLabels;
	/** Contact IDs of the selected rows. */
	selected: ReadonlySet< number >;
	/** Called when a row's checkbox changes. */
	onToggle: ( contactId: number, isSelected: boolean ) => void;
	/** Called when the select-all checkbox changes. */
	onToggleAll: ( isSelected: boolean ) => void;
	onOpenContact: ( contactId: number ) => void;
	/** Order of the rows, for `aria-sort`. */
	sort: InventorySort;
	/** Names the table, e.g. "Keys, page 1 of 3". */
	caption: string;
	/** The current time, for "3 days ago". */
	now?: Date;
}

/** A bulk revoke's result for one contact, with the contact's label. */
export interface LabelledRevokeResult extends RevokeResult {
	/** E.g. "Zapier (contact #42)". */
	label: string;
}

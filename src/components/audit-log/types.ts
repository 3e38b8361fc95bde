export interface AuditLogViewProps {
	/**
	 * Whether the view is on screen. When it comes back, the page is loaded
	 * again: entries may have been added meanwhile.
	 */
	isActive?: boolean;
	/** Entries per page, 1 to 200. */
	perPage?: number;
	/**
	 * URL of the CSV download, with its nonce; read from what the admin page
	 * printed when not given. No link when null.
	 */
	csvUrl?: string | null;
}

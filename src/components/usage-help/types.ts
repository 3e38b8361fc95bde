/**
 * Internal dependencies
 */
import type { SiteKeyHeader } from '../../api/types';

export interface UsageHelpProps {
	/**
	 * The new key while it is being shown once; null otherwise, and the
	 * examples then hold a placeholder.
	 */
	apiKey: string | null;
	/**
	 * Whether requests with this contact's key must send the site key, once
	 * known (the contact's "Will this key work?" report); null when not.
	 * Where AuthX's permission guard decides (`depends_on_user`), this says
	 * which way it goes, so the examples show the site key only when needed.
	 */
	needsSiteKey?: boolean | null;
}

export interface SiteKeyProps {
	/** Whether AuthX wants the site key on this site. */
	siteKeyHeader: SiteKeyHeader;
	/** The revealed site key; null until revealed. */
	revealed: string | null;
	/** Called with the site key once revealed, and with null to hide it. */
	onRevealedChange: ( siteKey: string | null ) => void;
}

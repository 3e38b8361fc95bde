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
}

export interface SiteKeyProps {
	/** Whether AuthX wants the site key on this site. */
	siteKeyHeader: SiteKeyHeader;
	/** The revealed site key; null until revealed. */
	revealed: string | null;
	/** Called with the site key once revealed, and with null to hide it. */
	onRevealedChange: ( siteKey: string | null ) => void;
}

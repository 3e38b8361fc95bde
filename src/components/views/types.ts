/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/** One tab of `ViewTabs`. */
export interface ViewTab< Name extends string = string > {
	/** Identifier, also the URL hash, e.g. `inventory`. */
	name: Name;
	/** Tab text. */
	title: string;
}

export interface ViewTabsProps< Name extends string = string > {
	/** Names the tab list for screen readers. */
	label: string;
	tabs: ReadonlyArray< ViewTab< Name > >;
	/** The tab shown. */
	selected: Name;
	/** Called when the admin picks a tab (click, arrows, Home, End). */
	onSelect: ( name: Name ) => void;
	/**
	 * The content of a tab. A tab is rendered the first time it is shown and
	 * then kept (hidden) so that its state, e.g. a new key not yet copied,
	 * survives switching tabs.
	 */
	renderPanel: ( name: Name ) => ReactNode;
}

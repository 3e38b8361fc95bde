/**
 * External dependencies
 */
import type { KeyboardEvent } from 'react';

/**
 * WordPress dependencies
 */
import { useId, useRef } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { ViewTabsProps } from './types';
import './views.scss';

/**
 * Tabs following the WAI-ARIA tabs pattern: one Tab stop for the tab list,
 * Left/Right arrows, Home and End move between tabs and show them. Styled
 * like the TabPanel of `@wordpress/components`.
 *
 * Unlike TabPanel, a panel stays mounted (hidden) once shown, so switching
 * tabs does not lose what the admin was doing in it.
 *
 * @param props             Component props.
 * @param props.label       Names the tab list.
 * @param props.tabs        Tabs.
 * @param props.selected    The tab shown.
 * @param props.onSelect    Pick handler.
 * @param props.renderPanel Content of a tab.
 */
export default function ViewTabs< Name extends string >( {
	label,
	tabs,
	selected,
	onSelect,
	renderPanel,
}: ViewTabsProps< Name > ) {
	const baseId = useId();
	// Tabs shown at least once; adding is idempotent, so this is safe
	// during render.
	const visited = useRef( new Set< Name >() );
	visited.current.add( selected );

	const tabId = ( name: Name ) => `${ baseId }-tab-${ name }`;
	const panelId = ( name: Name ) => `${ baseId }-panel-${ name }`;

	const onKeyDown = ( event: KeyboardEvent< HTMLButtonElement > ) => {
		const current = tabs.findIndex( ( tab ) => tab.name === selected );
		let next: number;
		switch ( event.key ) {
			case 'ArrowRight':
				next = ( current + 1 ) % tabs.length;
				break;
			case 'ArrowLeft':
				next = ( current - 1 + tabs.length ) % tabs.length;
				break;
			case 'Home':
				next = 0;
				break;
			case 'End':
				next = tabs.length - 1;
				break;
			default:
				return;
		}
		event.preventDefault();
		const { name } = tabs[ next ];
		onSelect( name );
		document.getElementById( tabId( name ) )?.focus();
	};

	return (
		<div className="civikey-view-tabs">
			<div
				role="tablist"
				aria-label={ label }
				aria-orientation="horizontal"
				className="components-tab-panel__tabs civikey-view-tabs__list"
			>
				{ tabs.map( ( tab ) => {
					const isSelected = tab.name === selected;
					return (
						<button
							key={ tab.name }
							type="button"
							role="tab"
							id={ tabId( tab.name ) }
							aria-selected={ isSelected }
							aria-controls={ panelId( tab.name ) }
							tabIndex={ isSelected ? 0 : -1 }
							className={ `components-tab-panel__tabs-item${
								isSelected ? ' is-active' : ''
							}` }
							onClick={ () => onSelect( tab.name ) }
							onKeyDown={ onKeyDown }
						>
							{ tab.title }
						</button>
					);
				} ) }
			</div>
			{ tabs.map( ( tab ) => (
				<div
					key={ tab.name }
					role="tabpanel"
					id={ panelId( tab.name ) }
					aria-labelledby={ tabId( tab.name ) }
					hidden={ tab.name !== selected }
					className="civikey-view-tabs__panel"
				>
					{ visited.current.has( tab.name ) &&
						renderPanel( tab.name ) }
				</div>
			) ) }
		</div>
	);
}

/**
 * Internal dependencies
 */
import type { InventoryItem } from '../../api/inventory-types';
import type { InventorySort } from './types';

/**
 * The rows whose name or contact ID contains `text`.
 *
 * @param items Rows.
 * @param text  What the admin typed; empty keeps every row.
 * @return The matching rows, in the same order.
 */
export function filterItems(
	items: InventoryItem[],
	text: string
): InventoryItem[] {
	const needle = text.trim().toLocaleLowerCase().replace( /^#/, '' );
	if ( needle === '' ) {
		return items;
	}
	return items.filter(
		( item ) =>
			item.display_name.toLocaleLowerCase().includes( needle ) ||
			String( item.id ).includes( needle )
	);
}

/**
 * The rows in the order asked for; ties keep the server's order (by ID).
 * A key never used comes last when newest uses come first, and first when
 * oldest come first.
 *
 * @param items Rows.
 * @param sort  Order.
 * @return A sorted copy.
 */
export function sortItems(
	items: InventoryItem[],
	sort: InventorySort
): InventoryItem[] {
	const byId = ( a: InventoryItem, b: InventoryItem ) => a.id - b.id;
	// 'Y-m-d H:i:s' strings sort as dates; '' (never used) sorts first.
	const used = ( item: InventoryItem ) => item.last_used?.at ?? '';
	const byUse = ( a: InventoryItem, b: InventoryItem ) => {
		if ( used( a ) === used( b ) ) {
			return 0;
		}
		return used( a ) < used( b ) ? -1 : 1;
	};
	const compare: Record<
		InventorySort,
		( a: InventoryItem, b: InventoryItem ) => number
	> = {
		id: byId,
		name: ( a, b ) =>
			a.display_name.localeCompare( b.display_name, undefined, {
				sensitivity: 'base',
				numeric: true,
			} ) || byId( a, b ),
		used_desc: ( a, b ) => byUse( b, a ) || byId( a, b ),
		used_asc: ( a, b ) => byUse( a, b ) || byId( a, b ),
	};
	return [ ...items ].sort( compare[ sort ] );
}

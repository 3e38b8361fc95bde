/**
 * Internal dependencies
 */
import {
	INVENTORY_ORDER_BY,
	type InventoryItem,
	type InventoryOrderBy,
	type SortOrder,
} from '../../api/inventory-types';
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
 * A sort as the value of one select option, e.g. `last_used:desc`.
 *
 * @param sort         Sort.
 * @param sort.orderBy What the keys are ordered by.
 * @param sort.order   Direction.
 * @return Its option value.
 */
export function sortToValue( {
	orderBy,
	order,
}: InventorySort ): `${ InventoryOrderBy }:${ SortOrder }` {
	return `${ orderBy }:${ order }`;
}

/**
 * The sort an option value stands for.
 *
 * @param value    E.g. `name:asc`.
 * @param fallback What an unknown value means.
 * @return The sort.
 */
export function valueToSort(
	value: string,
	fallback: InventorySort
): InventorySort {
	const parts = value.split( ':' );
	const [ orderBy, order ] = parts;
	const isKnown = ( INVENTORY_ORDER_BY as readonly string[] ).includes(
		orderBy
	);
	if (
		parts.length !== 2 ||
		! isKnown ||
		( order !== 'asc' && order !== 'desc' )
	) {
		return fallback;
	}
	return { orderBy: orderBy as InventoryOrderBy, order };
}

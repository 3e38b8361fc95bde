/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { filterItems, sortToValue, valueToSort } from '../utils';
import { makeInventoryItem } from '../../../../tests/js/fixtures/inventory';

const items = [
	makeInventoryItem( { id: 3, display_name: 'zapier', last_used: null } ),
	makeInventoryItem( {
		id: 10,
		display_name: 'Ärzte-Portal',
		last_used: { at: '2024-05-01 10:00:00', ip: '' },
	} ),
	makeInventoryItem( {
		id: 2,
		display_name: 'Backup 10',
		last_used: { at: '2023-12-31 23:59:59', ip: '' },
	} ),
	makeInventoryItem( {
		id: 1,
		display_name: 'Backup 9',
		last_used: { at: '2024-05-01 10:00:00', ip: '' },
	} ),
];

const ids = ( list: typeof items ) => list.map( ( item ) => item.id );

describe( 'filterItems', () => {
	it( 'should keep every row for empty text', () => {
		expect( filterItems( items, '  ' ) ).toBe( items );
	} );

	it( 'should match part of a name, ignoring case', () => {
		expect( ids( filterItems( items, 'BACKUP' ) ) ).toEqual( [ 2, 1 ] );
	} );

	it( 'should match part of an ID, with or without #', () => {
		expect( ids( filterItems( items, '#10' ) ) ).toEqual( [ 10, 2 ] );
		expect( ids( filterItems( items, '3' ) ) ).toEqual( [ 3 ] );
	} );
} );

describe( 'sortToValue and valueToSort', () => {
	const fallback = { orderBy: 'id', order: 'asc' } as const;

	it( 'should turn a sort into an option value and back', () => {
		const sort = { orderBy: 'last_used', order: 'desc' } as const;
		expect( sortToValue( sort ) ).toBe( 'last_used:desc' );
		expect( valueToSort( sortToValue( sort ), fallback ) ).toEqual( sort );
	} );

	it.each( [ '', 'name', 'name:up', 'secret:asc', 'last_used:desc:x' ] )(
		'should fall back for the unknown value %p',
		( value ) => {
			expect( valueToSort( value, fallback ) ).toBe( fallback );
		}
	);
} );

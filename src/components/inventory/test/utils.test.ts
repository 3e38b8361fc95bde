/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { filterItems, sortItems } from '../utils';
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

describe( 'sortItems', () => {
	it( 'should sort by ID without changing the input', () => {
		expect( ids( sortItems( items, 'id' ) ) ).toEqual( [ 1, 2, 3, 10 ] );
		expect( ids( items ) ).toEqual( [ 3, 10, 2, 1 ] );
	} );

	it( 'should sort names naturally, ignoring case and accents', () => {
		expect( ids( sortItems( items, 'name' ) ) ).toEqual( [ 10, 1, 2, 3 ] );
	} );

	it( 'should put newest uses first, never-used last, ties by ID', () => {
		expect( ids( sortItems( items, 'used_desc' ) ) ).toEqual( [
			1, 10, 2, 3,
		] );
	} );

	it( 'should put never-used first when oldest come first', () => {
		expect( ids( sortItems( items, 'used_asc' ) ) ).toEqual( [
			3, 2, 1, 10,
		] );
	} );
} );

/**
 * External dependencies
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import { useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import ViewTabs from '..';
import useHashView from '../use-hash-view';

type Name = 'one' | 'two' | 'three';
const NAMES: readonly Name[] = [ 'one', 'two', 'three' ];
const TABS = NAMES.map( ( name ) => ( {
	name,
	title: name.toUpperCase(),
} ) );

function Counter( { name }: { name: string } ) {
	const [ count, setCount ] = useState( 0 );
	return (
		<button onClick={ () => setCount( count + 1 ) }>
			{ `${ name } clicked ${ count }` }
		</button>
	);
}

function Tabs( { initial = 'one' }: { initial?: Name } ) {
	const [ selected, setSelected ] = useState< Name >( initial );
	return (
		<ViewTabs
			label="Views"
			tabs={ TABS }
			selected={ selected }
			onSelect={ setSelected }
			renderPanel={ ( name ) => <Counter name={ name } /> }
		/>
	);
}

function HashTabs() {
	const [ selected, setSelected ] = useHashView( NAMES, 'one' );
	return (
		<ViewTabs
			label="Views"
			tabs={ TABS }
			selected={ selected }
			onSelect={ setSelected }
			renderPanel={ ( name ) => <p>{ `${ name } content` }</p> }
		/>
	);
}

describe( 'ViewTabs', () => {
	it( 'should be a named tab list with one panel shown', () => {
		render( <Tabs /> );

		expect(
			screen.getByRole( 'tablist', { name: 'Views' } )
		).toBeVisible();
		const one = screen.getByRole( 'tab', { name: 'ONE' } );
		expect( one ).toHaveAttribute( 'aria-selected', 'true' );
		expect( one ).toHaveAttribute( 'tabindex', '0' );
		expect( screen.getByRole( 'tab', { name: 'TWO' } ) ).toHaveAttribute(
			'tabindex',
			'-1'
		);
		const panel = screen.getByRole( 'tabpanel', { name: 'ONE' } );
		expect( one ).toHaveAttribute( 'aria-controls', panel.id );
		// Panels not shown yet are not rendered.
		expect( screen.queryByText( /two clicked/ ) ).not.toBeInTheDocument();
	} );

	it( 'should move between tabs with the arrow, Home and End keys', async () => {
		const user = userEvent.setup();
		render( <Tabs /> );
		await user.tab();
		expect( screen.getByRole( 'tab', { name: 'ONE' } ) ).toHaveFocus();

		await user.keyboard( '{ArrowRight}' );
		expect( screen.getByRole( 'tab', { name: 'TWO' } ) ).toHaveFocus();
		expect( screen.getByRole( 'tab', { name: 'TWO' } ) ).toHaveAttribute(
			'aria-selected',
			'true'
		);
		expect( screen.getByRole( 'tabpanel' ) ).toHaveTextContent(
			'two clicked 0'
		);

		await user.keyboard( '{End}' );
		expect( screen.getByRole( 'tab', { name: 'THREE' } ) ).toHaveFocus();
		await user.keyboard( '{ArrowRight}' );
		expect( screen.getByRole( 'tab', { name: 'ONE' } ) ).toHaveFocus();
		await user.keyboard( '{ArrowLeft}' );
		expect( screen.getByRole( 'tab', { name: 'THREE' } ) ).toHaveFocus();
		await user.keyboard( '{Home}' );
		expect( screen.getByRole( 'tab', { name: 'ONE' } ) ).toHaveFocus();

		// Tab leaves the tab list for the panel.
		await user.tab();
		expect(
			screen.getByRole( 'button', { name: 'one clicked 0' } )
		).toHaveFocus();
	} );

	it( 'should keep what was done in a tab when switching away and back', async () => {
		const user = userEvent.setup();
		render( <Tabs /> );

		await user.click(
			screen.getByRole( 'button', { name: 'one clicked 0' } )
		);
		await user.click( screen.getByRole( 'tab', { name: 'TWO' } ) );
		expect(
			screen.queryByRole( 'button', { name: 'one clicked 1' } )
		).not.toBeInTheDocument();
		await user.click( screen.getByRole( 'tab', { name: 'ONE' } ) );

		expect(
			screen.getByRole( 'button', { name: 'one clicked 1' } )
		).toBeVisible();
	} );
} );

describe( 'useHashView', () => {
	beforeEach( () => {
		window.history.replaceState( null, '', '/' );
	} );

	it( 'should start on the view the hash names', () => {
		window.history.replaceState( null, '', '/#two' );

		render( <HashTabs /> );

		expect( screen.getByRole( 'tab', { name: 'TWO' } ) ).toHaveAttribute(
			'aria-selected',
			'true'
		);
	} );

	it( 'should ignore a hash naming no view', () => {
		window.history.replaceState( null, '', '/#nope' );

		render( <HashTabs /> );

		expect( screen.getByRole( 'tabpanel' ) ).toHaveTextContent(
			'one content'
		);
	} );

	it( 'should write the view picked into the hash, without a history entry', async () => {
		const user = userEvent.setup();
		render( <HashTabs /> );
		const length = window.history.length;

		await user.click( screen.getByRole( 'tab', { name: 'THREE' } ) );

		expect( window.location.hash ).toBe( '#three' );
		expect( window.history.length ).toBe( length );
	} );

	it( 'should follow the hash when it changes', () => {
		render( <HashTabs /> );

		act( () => {
			window.history.replaceState( null, '', '/#two' );
			window.dispatchEvent( new HashChangeEvent( 'hashchange' ) );
		} );

		expect( screen.getByRole( 'tabpanel' ) ).toHaveTextContent(
			'two content'
		);
	} );
} );

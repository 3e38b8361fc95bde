/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';
import { renderHook } from '@testing-library/react';

/**
 * Internal dependencies
 */
import useBeforeUnload from '../use-before-unload';

/**
 * Dispatches a cancelable beforeunload event, as the browser does when the
 * page is about to be left.
 *
 * @return Whether a handler asked to stay.
 */
function leavePage(): boolean {
	const event = new Event( 'beforeunload', { cancelable: true } );
	window.dispatchEvent( event );
	return event.defaultPrevented;
}

describe( 'useBeforeUnload', () => {
	it( 'should ask before leaving while active, and stop once inactive', () => {
		const { rerender } = renderHook(
			( { isActive } ) => useBeforeUnload( isActive ),
			{ initialProps: { isActive: true } }
		);
		expect( leavePage() ).toBe( true );

		rerender( { isActive: false } );

		expect( leavePage() ).toBe( false );
	} );

	it( 'should stop asking once unmounted', () => {
		const { unmount } = renderHook( () => useBeforeUnload( true ) );

		unmount();

		expect( leavePage() ).toBe( false );
	} );
} );

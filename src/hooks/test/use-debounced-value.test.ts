/**
 * External dependencies
 */
import {
	afterEach,
	beforeEach,
	describe,
	expect,
	it,
	jest,
} from '@jest/globals';
import { act, renderHook } from '@testing-library/react';

/**
 * Internal dependencies
 */
import useDebouncedValue from '../use-debounced-value';

describe( 'useDebouncedValue', () => {
	beforeEach( () => {
		jest.useFakeTimers();
	} );
	afterEach( () => {
		jest.useRealTimers();
	} );

	it( 'should settle only after the value stops changing', () => {
		const { result, rerender } = renderHook(
			( { value } ) => useDebouncedValue( value, 300 ),
			{ initialProps: { value: 'a' } }
		);

		rerender( { value: 'ab' } );
		act( () => jest.advanceTimersByTime( 200 ) );
		rerender( { value: 'abc' } );
		act( () => jest.advanceTimersByTime( 299 ) );
		expect( result.current ).toBe( 'a' );

		act( () => jest.advanceTimersByTime( 1 ) );
		expect( result.current ).toBe( 'abc' );
	} );
} );

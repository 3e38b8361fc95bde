/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import ViewBoundary from '../view-boundary';

function Broken(): never {
	throw new Error( 'Loading chunk civikey-reports failed.' );
}

describe( 'ViewBoundary', () => {
	it( 'should show its children', () => {
		render(
			<ViewBoundary>
				<p>Inventory</p>
			</ViewBoundary>
		);

		expect( screen.getByText( 'Inventory' ) ).toBeVisible();
	} );

	it( 'should say a view could not be loaded instead of breaking the page', () => {
		const consoleError = jest
			// eslint-disable-next-line no-console
			.mocked( console.error )
			.mockImplementation( () => {} );

		render(
			<>
				<p>Status</p>
				<ViewBoundary>
					<Broken />
				</ViewBoundary>
			</>
		);

		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'This view could not be loaded.'
		);
		expect( screen.getByText( 'Status' ) ).toBeVisible();
		// React reports the error it caught; clear it, or
		// @wordpress/jest-console fails the test.
		expect( consoleError ).toHaveBeenCalled();
		consoleError.mockClear();
	} );
} );

/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import LoadingMessage from '..';

describe( 'LoadingMessage', () => {
	it( 'says what is loading in a status region', () => {
		render( <LoadingMessage>Loading CiviCRM status…</LoadingMessage> );
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Loading CiviCRM status…'
		);
	} );
} );

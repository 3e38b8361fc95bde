/**
 * Jest setup, run after the test framework is installed.
 *
 * Adds the jest-dom matchers (toBeInTheDocument, toHaveTextContent, …) to the
 * `expect` exported by @jest/globals, with their TypeScript declarations.
 */

/**
 * External dependencies
 */
import '@testing-library/jest-dom/jest-globals';

/*
 * jsdom has no matchMedia (the WordPress preset stubs one that never
 * matches). Answer as a browser whose user prefers reduced motion:
 * components then skip animations (e.g. Modal closes at once instead of
 * after its exit animation), which keeps tests fast and deterministic.
 */
if ( typeof window !== 'undefined' ) {
	Object.defineProperty( window, 'matchMedia', {
		configurable: true,
		writable: true,
		value: ( query: string ): MediaQueryList => {
			const list = {
				matches: query.includes( 'prefers-reduced-motion: reduce' ),
				media: query,
				onchange: null,
				addListener: () => {},
				removeListener: () => {},
				addEventListener: () => {},
				removeEventListener: () => {},
				dispatchEvent: () => false,
			};
			// A plain object with the MediaQueryList API.
			return list as MediaQueryList;
		},
	} );
}

/**
 * External dependencies
 */
import { jest } from '@jest/globals';

export type WriteText = jest.Mock< ( text: string ) => Promise< void > >;

/**
 * Replaces `navigator.clipboard` with a mock whose `writeText` resolves.
 * Call it after `userEvent.setup()`, which installs its own clipboard stub.
 *
 * @return The `writeText` mock.
 */
export function mockClipboard(): WriteText {
	const writeText: WriteText = jest.fn( async () => {} );
	Object.defineProperty( window.navigator, 'clipboard', {
		configurable: true,
		value: { writeText },
	} );
	return writeText;
}

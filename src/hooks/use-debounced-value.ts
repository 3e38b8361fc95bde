/**
 * WordPress dependencies
 */
import { useEffect, useState } from '@wordpress/element';

/**
 * `value`, once it has stopped changing for `delay` milliseconds.
 *
 * @param value Value that changes often, e.g. what is typed in a search box.
 * @param delay Quiet time, in milliseconds.
 * @return The settled value.
 */
export default function useDebouncedValue< T >( value: T, delay: number ): T {
	const [ settled, setSettled ] = useState( value );

	useEffect( () => {
		const timer = setTimeout( () => setSettled( value ), delay );
		return () => clearTimeout( timer );
	}, [ value, delay ] );

	return settled;
}

/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useState } from '@wordpress/element';

/**
 * The view named by the URL hash, e.g. `#inventory`.
 *
 * @param names    Views there are.
 * @param fallback View when the hash names none.
 * @return The view.
 */
function readHash< Name extends string >(
	names: readonly Name[],
	fallback: Name
): Name {
	const hash = decodeURIComponent( window.location.hash.replace( /^#/, '' ) );
	return names.find( ( name ) => name === hash ) ?? fallback;
}

/**
 * The selected view, kept in the URL hash so that it survives a reload and
 * other screens (Site Health) can link straight to it, e.g.
 * `tools.php?page=civikey#inventory`.
 *
 * Picking a view replaces the hash without adding a history entry or
 * scrolling; editing the hash or following a link to it switches views.
 *
 * @param names    Views there are. Keep the array stable.
 * @param fallback View when the hash names none.
 * @return The selected view and a function to select another.
 */
export default function useHashView< Name extends string >(
	names: readonly Name[],
	fallback: Name
): [ Name, ( name: Name ) => void ] {
	const [ view, setView ] = useState< Name >( () =>
		readHash( names, fallback )
	);

	useEffect( () => {
		const onHashChange = () => setView( readHash( names, fallback ) );
		window.addEventListener( 'hashchange', onHashChange );
		return () => window.removeEventListener( 'hashchange', onHashChange );
	}, [ names, fallback ] );

	const select = useCallback( ( name: Name ) => {
		setView( name );
		if ( window.location.hash !== `#${ name }` ) {
			window.history.replaceState(
				window.history.state,
				'',
				`#${ name }`
			);
		}
	}, [] );

	return [ view, select ];
}

/**
 * WordPress dependencies
 */
import { useEffect } from '@wordpress/element';

/**
 * Asks the browser to confirm before leaving the page while `isActive`.
 * Browsers show their own wording; the handler is removed as soon as
 * `isActive` turns false or the component unmounts.
 *
 * @param isActive Whether leaving would lose something.
 */
export default function useBeforeUnload( isActive: boolean ): void {
	useEffect( () => {
		if ( ! isActive ) {
			return;
		}
		const onBeforeUnload = ( event: BeforeUnloadEvent ) => {
			event.preventDefault();
			// Older browsers need returnValue set as well.
			event.returnValue = '';
		};
		window.addEventListener( 'beforeunload', onBeforeUnload );
		return () => {
			window.removeEventListener( 'beforeunload', onBeforeUnload );
		};
	}, [ isActive ] );
}

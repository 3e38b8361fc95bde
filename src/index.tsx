/**
 * WordPress dependencies
 */
import domReady from '@wordpress/dom-ready';
import { StrictMode, createRoot } from '@wordpress/element';

/**
 * Internal dependencies
 */
import App from './components/app';
import './index.scss';

domReady( () => {
	const container = document.getElementById( 'civikey-root' );
	if ( ! container ) {
		return;
	}

	createRoot( container ).render(
		<StrictMode>
			<App />
		</StrictMode>
	);
} );

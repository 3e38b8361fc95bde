/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { Component } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

interface ViewBoundaryProps {
	children: ReactNode;
}

interface ViewBoundaryState {
	hasFailed: boolean;
}

/**
 * Keeps the rest of the page working when a view cannot be shown, e.g. when
 * its script could not be downloaded: the view says so instead.
 */
export default class ViewBoundary extends Component<
	ViewBoundaryProps,
	ViewBoundaryState
> {
	override state: ViewBoundaryState = { hasFailed: false };

	static getDerivedStateFromError(): ViewBoundaryState {
		return { hasFailed: true };
	}

	override render() {
		if ( this.state.hasFailed ) {
			return (
				<Notice
					status="error"
					isDismissible={ false }
					spokenMessage={ null }
				>
					<p role="alert">
						{ __(
							'This view could not be loaded. Check your connection, then reload the page.',
							'civikey'
						) }
					</p>
				</Notice>
			);
		}
		return this.props.children;
	}
}

/**
 * WordPress dependencies
 */
import { Button, Flex } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Previous and Next buttons around "Page X of Y", in a named navigation
 * landmark. Nothing when there is only one page.
 *
 * @param props            Component props.
 * @param props.label      Names the landmark, e.g. "Pages of keys".
 * @param props.page       Current page, from 1.
 * @param props.totalPages Number of pages.
 * @param props.onChange   Called with the page to show.
 * @param props.isLoading  Whether a page is loading: the buttons wait.
 */
export default function Pager( {
	label,
	page,
	totalPages,
	onChange,
	isLoading = false,
}: {
	label: string;
	page: number;
	totalPages: number;
	onChange: ( page: number ) => void;
	isLoading?: boolean;
} ) {
	if ( totalPages <= 1 ) {
		return null;
	}
	return (
		<nav aria-label={ label } className="civikey-pager">
			<Flex justify="flex-start">
				<Button
					variant="secondary"
					disabled={ page <= 1 || isLoading }
					accessibleWhenDisabled
					onClick={ () => onChange( page - 1 ) }
					__next40pxDefaultSize
				>
					{ __( 'Previous', 'civikey' ) }
				</Button>
				<span>
					{ sprintf(
						/* translators: 1: current page, 2: number of pages. */
						__( 'Page %1$d of %2$d', 'civikey' ),
						page,
						totalPages
					) }
				</span>
				<Button
					variant="secondary"
					disabled={ page >= totalPages || isLoading }
					accessibleWhenDisabled
					onClick={ () => onChange( page + 1 ) }
					__next40pxDefaultSize
				>
					{ __( 'Next', 'civikey' ) }
				</Button>
			</Flex>
		</nav>
	);
}

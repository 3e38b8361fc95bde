/**
 * WordPress dependencies
 */
import {
	Button,
	Flex,
	Notice,
	SearchControl,
	SelectControl,
} from '@wordpress/components';
import {
	useCallback,
	useEffect,
	useId,
	useMemo,
	useRef,
	useState,
} from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	INVENTORY_PER_PAGE,
	getInventory,
	getProblemLabels,
	revokeKeys,
} from '../../api/inventory';
import type { InventoryFilter, ProblemLabels } from '../../api/inventory-types';
import type { ApiError, RequestOptions } from '../../api/types';
import useApiRequest from '../../hooks/use-api-request';
import ConfirmDialog from '../confirm-dialog';
import ErrorNotice from '../error-notice';
import { getItemLabel } from '../views/format';
import LoadStatus from '../views/load-status';
import Pager from '../views/pager';
import InventoryTable from './inventory-table';
import type {
	InventorySort,
	InventoryViewProps,
	LabelledRevokeResult,
} from './types';
import { filterItems, sortToValue, valueToSort } from './utils';

/** Contacts named in the bulk revoke confirmation; the rest are counted. */
const NAMED_IN_CONFIRMATION = 5;

/** Until the labels arrive (or when they cannot), codes are shown as is. */
const NO_LABELS: ProblemLabels = {};

/** The server's own order: by contact ID. */
const DEFAULT_SORT: InventorySort = { orderBy: 'id', order: 'asc' };

/**
 * Every key on the site, a page at a time, with its problems; filter by
 * problem and sort (both on the server, across every page), search the page,
 * open a contact in the Keys view, and revoke several keys after one
 * confirmation.
 *
 * @param props               Component props.
 * @param props.onOpenContact Opens a contact in the Keys view.
 * @param props.isActive      Whether the view is on screen.
 * @param props.perPage       Keys per page.
 */
export default function InventoryView( {
	onOpenContact,
	isActive = true,
	perPage = INVENTORY_PER_PAGE,
}: InventoryViewProps ) {
	const headingId = useId();
	const [ problem, setProblem ] = useState< InventoryFilter >( '' );
	const [ page, setPage ] = useState( 1 );
	const [ search, setSearch ] = useState( '' );
	const [ sort, setSort ] = useState< InventorySort >( DEFAULT_SORT );
	const sortValue = sortToValue( sort );
	const [ selected, setSelected ] = useState< ReadonlySet< number > >(
		() => new Set()
	);
	const [ isConfirming, setIsConfirming ] = useState( false );
	const [ isRevoking, setIsRevoking ] = useState( false );
	const [ results, setResults ] = useState< LabelledRevokeResult[] | null >(
		null
	);
	const [ revokeError, setRevokeError ] = useState< ApiError | null >( null );
	const resultsRef = useRef< HTMLDivElement >( null );

	const labels = useApiRequest( getProblemLabels ).data ?? NO_LABELS;

	const { orderBy, order } = sort;
	const load = useCallback(
		( options: RequestOptions ) =>
			getInventory( { page, perPage, problem, orderBy, order }, options ),
		[ page, perPage, problem, orderBy, order ]
	);
	const { data, error, isLoading, retry } = useApiRequest(
		load,
		`${ problem }\n${ page }\n${ sortValue }`
	);

	// Coming back from another view: keys may have changed there.
	const wasActive = useRef( isActive );
	useEffect( () => {
		if ( isActive && ! wasActive.current ) {
			retry();
		}
		wasActive.current = isActive;
	}, [ isActive, retry ] );

	// After revoking, the last page may have gone.
	useEffect( () => {
		if ( data && page > data.totalPages ) {
			setPage( data.totalPages );
		}
	}, [ data, page ] );

	// A new page, filter or order starts with nothing selected.
	useEffect( () => setSelected( new Set() ), [ page, problem, sortValue ] );

	useEffect( () => {
		if ( results ) {
			resultsRef.current?.focus();
		}
	}, [ results ] );

	const items = useMemo(
		() => filterItems( data?.items ?? [], search ),
		[ data, search ]
	);
	// Only rows on screen can be revoked: what is hidden by the search stays.
	const chosen = items.filter( ( item ) => selected.has( item.id ) );

	const toggle = ( contactId: number, isSelected: boolean ) =>
		setSelected( ( previous ) => {
			const next = new Set( previous );
			if ( isSelected ) {
				next.add( contactId );
			} else {
				next.delete( contactId );
			}
			return next;
		} );
	const toggleAll = ( isSelected: boolean ) =>
		setSelected(
			isSelected ? new Set( items.map( ( item ) => item.id ) ) : new Set()
		);

	const revoke = () => {
		const labelsById = new Map(
			chosen.map( ( item ) => [ item.id, getItemLabel( item ) ] )
		);
		setIsRevoking( true );
		setRevokeError( null );
		revokeKeys( chosen.map( ( item ) => item.id ) ).then(
			( answer ) => {
				setResults(
					answer.map( ( result ) => ( {
						...result,
						label:
							labelsById.get( result.contact_id ) ??
							getItemLabel( {
								id: result.contact_id,
								display_name: '',
							} ),
					} ) )
				);
				setSelected( new Set() );
				setIsRevoking( false );
				setIsConfirming( false );
				retry();
			},
			( reason: ApiError ) => {
				setRevokeError( reason );
				setIsRevoking( false );
				setIsConfirming( false );
			}
		);
	};

	const problemOptions = [
		{ value: '', label: __( 'All keys', 'civikey' ) },
		{ value: 'any', label: __( 'Any problem', 'civikey' ) },
		...Object.entries( labels ).map( ( [ value, label ] ) => ( {
			value,
			label,
		} ) ),
	];

	let summary = '';
	if ( isLoading ) {
		summary = __( 'Loading keys…', 'civikey' );
	} else if ( data && search.trim() !== '' ) {
		summary = sprintf(
			/* translators: 1: rows shown, 2: rows on the page, 3: total keys. */
			_n(
				'%1$d of %2$d keys on this page match, out of %3$d key.',
				'%1$d of %2$d keys on this page match, out of %3$d keys.',
				data.total,
				'civikey'
			),
			items.length,
			data.items.length,
			data.total
		);
	} else if ( data ) {
		summary = sprintf(
			/* translators: 1: number of keys, 2: current page, 3: number of pages. */
			_n(
				'%1$d key. Page %2$d of %3$d.',
				'%1$d keys. Page %2$d of %3$d.',
				data.total,
				'civikey'
			),
			data.total,
			page,
			data.totalPages
		);
	}

	const revokedCount =
		results?.filter( ( result ) => result.revoked ).length ?? 0;
	const failedCount = ( results?.length ?? 0 ) - revokedCount;

	return (
		<section className="civikey-inventory" aria-labelledby={ headingId }>
			<h2 id={ headingId }>{ __( 'Key inventory', 'civikey' ) }</h2>
			<p>
				{ __(
					'Every contact holding an API key, with anything that needs attention. Revoking a key stops whatever uses it.',
					'civikey'
				) }
			</p>

			<Flex
				className="civikey-toolbar"
				justify="flex-start"
				align="flex-end"
				wrap
			>
				<SelectControl
					label={ __( 'Show', 'civikey' ) }
					value={ problem }
					options={ problemOptions }
					onChange={ ( value: string ) => {
						setProblem( value );
						setPage( 1 );
					} }
					__next40pxDefaultSize
					__nextHasNoMarginBottom
				/>
				<SearchControl
					label={ __( 'Search this page', 'civikey' ) }
					hideLabelFromVision={ false }
					placeholder={ __( 'Name or contact ID', 'civikey' ) }
					value={ search }
					onChange={ setSearch }
					__nextHasNoMarginBottom
				/>
				<SelectControl
					label={ __( 'Sort by', 'civikey' ) }
					value={ sortValue }
					options={ [
						{
							value: 'id:asc',
							label: __( 'Contact ID, lowest first', 'civikey' ),
						},
						{
							value: 'id:desc',
							label: __( 'Contact ID, highest first', 'civikey' ),
						},
						{
							value: 'name:asc',
							label: __( 'Name, A to Z', 'civikey' ),
						},
						{
							value: 'name:desc',
							label: __( 'Name, Z to A', 'civikey' ),
						},
						{
							value: 'last_used:desc',
							label: __( 'Last used, newest first', 'civikey' ),
						},
						{
							value: 'last_used:asc',
							label: __(
								'Last used, oldest or never first',
								'civikey'
							),
						},
						{
							value: 'last_changed:desc',
							label: __(
								'Last changed, newest first',
								'civikey'
							),
						},
						{
							value: 'last_changed:asc',
							label: __(
								'Last changed, oldest or never first',
								'civikey'
							),
						},
					] }
					onChange={ ( value: string ) => {
						setSort( valueToSort( value, DEFAULT_SORT ) );
						setPage( 1 );
					} }
					__next40pxDefaultSize
					__nextHasNoMarginBottom
				/>
			</Flex>

			<LoadStatus
				className="civikey-inventory__status"
				isLoading={ isLoading }
				summary={ summary }
				error={ error }
				onRetry={ retry }
			/>
			{ revokeError && <ErrorNotice error={ revokeError } /> }

			{ results && (
				<div
					ref={ resultsRef }
					tabIndex={ -1 }
					className="civikey-inventory__results"
				>
					<Notice
						status={ failedCount > 0 ? 'warning' : 'success' }
						onRemove={ () => setResults( null ) }
					>
						<p>
							{ sprintf(
								/* translators: %d: number of keys revoked. */
								_n(
									'%d key revoked.',
									'%d keys revoked.',
									revokedCount,
									'civikey'
								),
								revokedCount
							) }{ ' ' }
							{ failedCount > 0 &&
								sprintf(
									/* translators: %d: number of keys not revoked. */
									_n(
										'%d key could not be revoked.',
										'%d keys could not be revoked.',
										failedCount,
										'civikey'
									),
									failedCount
								) }
						</p>
						<ul>
							{ results.map( ( result ) => (
								<li key={ result.contact_id }>
									{ sprintf(
										/* translators: 1: contact name and ID, 2: what happened. */
										__( '%1$s: %2$s', 'civikey' ),
										result.label,
										result.revoked
											? __( 'revoked', 'civikey' )
											: result.message ||
													__(
														'not revoked',
														'civikey'
													)
									) }
								</li>
							) ) }
						</ul>
					</Notice>
				</div>
			) }

			{ data && data.items.length > 0 && (
				<Flex justify="flex-start" wrap>
					<p>
						{ sprintf(
							/* translators: %d: number of keys selected. */
							_n(
								'%d key selected.',
								'%d keys selected.',
								chosen.length,
								'civikey'
							),
							chosen.length
						) }
					</p>
					<Button
						variant="secondary"
						isDestructive
						disabled={ chosen.length === 0 }
						accessibleWhenDisabled
						onClick={ () => setIsConfirming( true ) }
						__next40pxDefaultSize
					>
						{ __( 'Revoke selected…', 'civikey' ) }
					</Button>
				</Flex>
			) }

			{ data && items.length > 0 && (
				<InventoryTable
					items={ items }
					labels={ labels }
					selected={ selected }
					onToggle={ toggle }
					onToggleAll={ toggleAll }
					onOpenContact={ onOpenContact }
					sort={ sort }
					caption={ sprintf(
						/* translators: 1: current page, 2: number of pages. */
						__( 'Keys, page %1$d of %2$d', 'civikey' ),
						page,
						data.totalPages
					) }
				/>
			) }

			{ data && ! isLoading && items.length === 0 && (
				<p>
					{ problem === '' && search.trim() === ''
						? __( 'No contact holds an API key.', 'civikey' )
						: __( 'No keys match.', 'civikey' ) }
				</p>
			) }

			{ data && (
				<Pager
					label={ __( 'Pages of keys', 'civikey' ) }
					page={ page }
					totalPages={ data.totalPages }
					onChange={ setPage }
					isLoading={ isLoading }
				/>
			) }

			{ isConfirming && (
				<ConfirmDialog
					title={ sprintf(
						/* translators: %d: number of keys. */
						_n(
							'Revoke %d key?',
							'Revoke %d keys?',
							chosen.length,
							'civikey'
						),
						chosen.length
					) }
					confirmLabel={ sprintf(
						/* translators: %d: number of keys. */
						_n(
							'Revoke %d key',
							'Revoke %d keys',
							chosen.length,
							'civikey'
						),
						chosen.length
					) }
					isDestructive
					isBusy={ isRevoking }
					onConfirm={ revoke }
					onCancel={ () => setIsConfirming( false ) }
				>
					<p>
						{ __(
							'The keys of these contacts will be removed:',
							'civikey'
						) }
					</p>
					<ul className="civikey-inventory__confirm-list">
						{ chosen
							.slice( 0, NAMED_IN_CONFIRMATION )
							.map( ( item ) => (
								<li key={ item.id }>
									{ getItemLabel( item ) }
								</li>
							) ) }
						{ chosen.length > NAMED_IN_CONFIRMATION && (
							<li>
								{ sprintf(
									/* translators: %d: number of other contacts. */
									_n(
										'and %d other contact',
										'and %d other contacts',
										chosen.length - NAMED_IN_CONFIRMATION,
										'civikey'
									),
									chosen.length - NAMED_IN_CONFIRMATION
								) }
							</li>
						) }
					</ul>
					<p>
						<strong>
							{ __(
								'Whatever uses these keys stops working immediately. This cannot be undone: to reconnect a service, give its contact a new key.',
								'civikey'
							) }
						</strong>
					</p>
				</ConfirmDialog>
			) }
		</section>
	);
}

/**
 * External dependencies
 */
import type { FormEvent } from 'react';

/**
 * WordPress dependencies
 */
import { Button, Flex, TextControl } from '@wordpress/components';
import {
	useCallback,
	useEffect,
	useId,
	useRef,
	useState,
} from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { AUDIT_PER_PAGE, getAuditCsvUrl, getAuditLog } from '../../api/audit';
import type { RequestOptions } from '../../api/types';
import useApiRequest from '../../hooks/use-api-request';
import LoadStatus from '../views/load-status';
import Pager from '../views/pager';
import UtcTime from '../views/utc-time';
import type { AuditLogViewProps } from './types';
import { describeAction, describeActor, summarizeDetails } from './utils';

/**
 * Reads a contact ID typed by the admin.
 *
 * @param text What was typed.
 * @return The ID; null for nothing; NaN for something that is not an ID.
 */
function parseContactId( text: string ): number | null {
	const trimmed = text.trim().replace( /^#/, '' );
	if ( trimmed === '' ) {
		return null;
	}
	return /^\d+$/.test( trimmed ) && Number( trimmed ) > 0
		? Number( trimmed )
		: Number.NaN;
}

/**
 * The audit trail, newest first, a page at a time: who did what to which
 * contact's key, when and from where. Filter by contact; download it all
 * as CSV.
 *
 * @param props          Component props.
 * @param props.isActive Whether the view is on screen.
 * @param props.perPage  Entries per page.
 * @param props.csvUrl   URL of the CSV download.
 */
export default function AuditLogView( {
	isActive = true,
	perPage = AUDIT_PER_PAGE,
	csvUrl = getAuditCsvUrl(),
}: AuditLogViewProps ) {
	const headingId = useId();
	const captionId = useId();
	const filterErrorId = useId();
	const [ page, setPage ] = useState( 1 );
	const [ contactId, setContactId ] = useState< number | null >( null );
	const [ contactText, setContactText ] = useState( '' );
	const [ isInvalid, setIsInvalid ] = useState( false );

	const load = useCallback(
		( options: RequestOptions ) =>
			getAuditLog( { page, perPage, contactId }, options ),
		[ page, perPage, contactId ]
	);
	const { data, error, isLoading, retry } = useApiRequest(
		load,
		`${ contactId ?? '' }\n${ page }`
	);

	// Coming back from another view: entries may have been added.
	const wasActive = useRef( isActive );
	useEffect( () => {
		if ( isActive && ! wasActive.current ) {
			retry();
		}
		wasActive.current = isActive;
	}, [ isActive, retry ] );

	const filterBy = ( next: number | null ) => {
		setContactId( next );
		setContactText( next === null ? '' : String( next ) );
		setIsInvalid( false );
		setPage( 1 );
	};

	const onSubmit = ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		const next = parseContactId( contactText );
		if ( next !== null && Number.isNaN( next ) ) {
			setIsInvalid( true );
			return;
		}
		filterBy( next );
	};

	let summary = '';
	if ( isLoading ) {
		summary = __( 'Loading the audit trail…', 'civikey' );
	} else if ( data ) {
		summary = sprintf(
			/* translators: 1: number of entries, 2: current page, 3: number of pages. */
			_n(
				'%1$d entry. Page %2$d of %3$d.',
				'%1$d entries. Page %2$d of %3$d.',
				data.total,
				'civikey'
			),
			data.total,
			page,
			data.totalPages
		);
	}

	return (
		<section className="civikey-audit-log" aria-labelledby={ headingId }>
			<h2 id={ headingId }>{ __( 'Audit trail', 'civikey' ) }</h2>
			<p>
				{ __(
					'Who set, replaced, revoked or tested which key, when and from where. Keys themselves are never recorded.',
					'civikey'
				) }
			</p>

			<Flex
				className="civikey-toolbar"
				justify="space-between"
				align="flex-end"
				wrap
			>
				<form
					onSubmit={ onSubmit }
					className="civikey-audit-log__filter"
				>
					<Flex justify="flex-start" align="flex-end" wrap>
						<TextControl
							label={ __( 'Contact ID', 'civikey' ) }
							value={ contactText }
							onChange={ ( value ) => {
								setContactText( value );
								setIsInvalid( false );
							} }
							inputMode="numeric"
							autoComplete="off"
							aria-invalid={ isInvalid || undefined }
							aria-describedby={
								isInvalid ? filterErrorId : undefined
							}
							__next40pxDefaultSize
							__nextHasNoMarginBottom
						/>
						<Button
							type="submit"
							variant="secondary"
							__next40pxDefaultSize
						>
							{ __( 'Filter', 'civikey' ) }
						</Button>
						{ contactId !== null && (
							<Button
								variant="tertiary"
								onClick={ () => filterBy( null ) }
								__next40pxDefaultSize
							>
								{ __( 'Show every contact', 'civikey' ) }
							</Button>
						) }
					</Flex>
					{ isInvalid && (
						<p
							id={ filterErrorId }
							className="civikey-audit-log__error"
							role="alert"
						>
							{ __(
								'Type a contact ID: a whole number such as 42.',
								'civikey'
							) }
						</p>
					) }
				</form>

				{ csvUrl && (
					<a className="button" href={ csvUrl }>
						{ __( 'Download CSV', 'civikey' ) }
						<span className="screen-reader-text">
							{ __( '(every entry)', 'civikey' ) }
						</span>
					</a>
				) }
			</Flex>

			<LoadStatus
				className="civikey-audit-log__status"
				isLoading={ isLoading }
				summary={ summary }
				error={ error }
				onRetry={ retry }
			/>

			{ data && data.items.length > 0 && (
				<div
					className="civikey-table-scroll"
					role="region"
					aria-labelledby={ captionId }
					// Focusable, so keyboard users can scroll it sideways.
					tabIndex={ 0 }
				>
					<table className="widefat striped civikey-audit-log__table">
						<caption
							id={ captionId }
							className="screen-reader-text"
						>
							{ sprintf(
								/* translators: 1: current page, 2: number of pages. */
								__(
									'Audit trail, page %1$d of %2$d',
									'civikey'
								),
								page,
								data.totalPages
							) }
						</caption>
						<thead>
							<tr>
								<th scope="col">{ __( 'When', 'civikey' ) }</th>
								<th scope="col">{ __( 'Who', 'civikey' ) }</th>
								<th scope="col">
									{ __( 'Contact', 'civikey' ) }
								</th>
								<th scope="col">
									{ __( 'Action', 'civikey' ) }
								</th>
								<th scope="col">
									{ __( 'Result', 'civikey' ) }
								</th>
								<th scope="col">{ __( 'IP', 'civikey' ) }</th>
								<th scope="col">
									{ __( 'Details', 'civikey' ) }
								</th>
							</tr>
						</thead>
						<tbody>
							{ data.items.map( ( entry ) => (
								<tr key={ entry.id }>
									<td>
										<UtcTime value={ entry.created_at } />
									</td>
									<td>{ describeActor( entry ) }</td>
									<td>
										{ entry.contact_id === null ? (
											'—'
										) : (
											<Button
												variant="link"
												onClick={ () =>
													filterBy( entry.contact_id )
												}
												aria-label={ sprintf(
													/* translators: %d: CiviCRM contact ID. */
													__(
														'Show only entries about contact #%d',
														'civikey'
													),
													entry.contact_id
												) }
											>
												{ sprintf(
													/* translators: %d: CiviCRM contact ID. */
													__( '#%d', 'civikey' ),
													entry.contact_id
												) }
											</Button>
										) }
									</td>
									<td>{ describeAction( entry.action ) }</td>
									<td>
										<span
											className={ `civikey-badge${
												entry.result === 'failure'
													? ' civikey-badge--error'
													: ''
											}` }
										>
											{ entry.result === 'failure'
												? __( 'Failure', 'civikey' )
												: __( 'Success', 'civikey' ) }
										</span>
									</td>
									<td>{ entry.ip || '—' }</td>
									<td className="civikey-audit-log__details">
										{ summarizeDetails( entry.details ) }
									</td>
								</tr>
							) ) }
						</tbody>
					</table>
				</div>
			) }

			{ data && ! isLoading && data.items.length === 0 && (
				<p>
					{ contactId === null
						? __( 'Nothing has been recorded yet.', 'civikey' )
						: sprintf(
								/* translators: %d: CiviCRM contact ID. */
								__(
									'Nothing has been recorded about contact #%d.',
									'civikey'
								),
								contactId
							) }
				</p>
			) }

			{ data && (
				<Pager
					label={ __( 'Pages of the audit trail', 'civikey' ) }
					page={ page }
					totalPages={ data.totalPages }
					onChange={ setPage }
					isLoading={ isLoading }
				/>
			) }
		</section>
	);
}

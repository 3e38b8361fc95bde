/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useEffect, useId, useRef } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { InventoryItem } from '../../api/inventory-types';
import { getItemLabel } from '../views/format';
import UtcTime from '../views/utc-time';
import type { InventoryTableProps } from './types';

function describeUser( user: InventoryItem[ 'user' ] ) {
	if ( ! user ) {
		return __( 'None', 'civikey' );
	}
	if ( ! user.exists || ! user.login ) {
		return sprintf(
			/* translators: %d: WordPress user ID. */
			__( 'User #%d (deleted)', 'civikey' ),
			user.id
		);
	}
	return (
		<>
			<strong>{ user.login }</strong>
			<br />
			<span className="civikey-inventory__detail">
				{ user.roles.length > 0
					? user.roles.join( ', ' )
					: __( 'No role', 'civikey' ) }
			</span>
		</>
	);
}

function describeKeyLength( key: InventoryItem[ 'key' ] ): string {
	const last4 = key.fingerprint?.last4 ?? '';
	if ( last4 !== '' ) {
		return sprintf(
			/* translators: 1: last four characters of the key, 2: its length. */
			__( '…%1$s (%2$d characters)', 'civikey' ),
			last4,
			key.length
		);
	}
	return sprintf(
		/* translators: %d: number of characters of the key. */
		_n( '%d character', '%d characters', key.length, 'civikey' ),
		key.length
	);
}

/**
 * The keys of one page: a checkbox per row, and everything the admin needs
 * to decide what to fix. The table scrolls sideways inside a focusable,
 * named region when the screen is narrow.
 *
 * @param props               Component props.
 * @param props.items         Rows.
 * @param props.labels        Problem labels.
 * @param props.selected      Selected contact IDs.
 * @param props.onToggle      Row checkbox handler.
 * @param props.onToggleAll   Select-all handler.
 * @param props.onOpenContact Opens a contact in the Keys view.
 * @param props.sort          Order of the rows.
 * @param props.caption       Names the table.
 * @param props.now           The current time.
 */
export default function InventoryTable( {
	items,
	labels,
	selected,
	onToggle,
	onToggleAll,
	onOpenContact,
	sort,
	caption,
	now,
}: InventoryTableProps ) {
	const captionId = useId();
	const selectAllRef = useRef< HTMLInputElement >( null );
	const selectedCount = items.filter( ( item ) =>
		selected.has( item.id )
	).length;
	const isAllSelected = items.length > 0 && selectedCount === items.length;

	useEffect( () => {
		if ( selectAllRef.current ) {
			selectAllRef.current.indeterminate =
				selectedCount > 0 && ! isAllSelected;
		}
	}, [ selectedCount, isAllSelected ] );

	const ariaSort = ( ...columns: string[] ) => {
		if ( ! columns.includes( sort.orderBy ) ) {
			return 'none';
		}
		return sort.order === 'asc' ? 'ascending' : 'descending';
	};

	return (
		<div
			className="civikey-table-scroll"
			role="region"
			aria-labelledby={ captionId }
			// Focusable, so keyboard users can scroll it sideways.
			tabIndex={ 0 }
		>
			<table className="widefat striped civikey-inventory__table">
				<caption id={ captionId } className="screen-reader-text">
					{ caption }
				</caption>
				<thead>
					<tr>
						<td className="check-column">
							<input
								ref={ selectAllRef }
								type="checkbox"
								checked={ isAllSelected }
								disabled={ items.length === 0 }
								onChange={ ( event ) =>
									onToggleAll( event.target.checked )
								}
								aria-label={ __(
									'Select every key shown',
									'civikey'
								) }
							/>
						</td>
						<th scope="col" aria-sort={ ariaSort( 'id', 'name' ) }>
							{ __( 'Contact', 'civikey' ) }
						</th>
						<th scope="col">
							{ __( 'WordPress user', 'civikey' ) }
						</th>
						<th scope="col">{ __( 'Key', 'civikey' ) }</th>
						<th scope="col" aria-sort={ ariaSort( 'last_used' ) }>
							{ __( 'Last used', 'civikey' ) }
						</th>
						<th
							scope="col"
							aria-sort={ ariaSort( 'last_changed' ) }
						>
							{ __( 'Last changed', 'civikey' ) }
						</th>
						<th scope="col">{ __( 'Problems', 'civikey' ) }</th>
						<th scope="col">{ __( 'Actions', 'civikey' ) }</th>
					</tr>
				</thead>
				<tbody>
					{ items.map( ( item ) => {
						const label = getItemLabel( item );
						return (
							<tr key={ item.id }>
								<th scope="row" className="check-column">
									<input
										type="checkbox"
										checked={ selected.has( item.id ) }
										onChange={ ( event ) =>
											onToggle(
												item.id,
												event.target.checked
											)
										}
										aria-label={ sprintf(
											/* translators: %s: contact name and ID. */
											__( 'Select %s', 'civikey' ),
											label
										) }
									/>
								</th>
								<td>
									<strong>
										{ item.display_name.trim() ||
											__( '(no name)', 'civikey' ) }
									</strong>
									<br />
									<span className="civikey-inventory__detail">
										{ sprintf(
											/* translators: %d: CiviCRM contact ID. */
											__( 'ID %d', 'civikey' ),
											item.id
										) }
									</span>
									{ item.is_deleted && (
										<>
											{ ' ' }
											<span className="civikey-badge">
												{ __(
													'In the trash',
													'civikey'
												) }
											</span>
										</>
									) }
								</td>
								<td>{ describeUser( item.user ) }</td>
								<td className="civikey-inventory__key">
									{ describeKeyLength( item.key ) }
								</td>
								<td>
									{ item.last_used ? (
										<>
											<UtcTime
												value={ item.last_used.at }
												relative
												now={ now }
											/>
											{ item.last_used.ip !== '' && (
												<>
													<br />
													<span className="civikey-inventory__detail">
														{ sprintf(
															/* translators: %s: IP address. */
															__(
																'from %s',
																'civikey'
															),
															item.last_used.ip
														) }
													</span>
												</>
											) }
										</>
									) : (
										__( 'Never', 'civikey' )
									) }
								</td>
								<td>
									{ item.last_changed ? (
										<UtcTime value={ item.last_changed } />
									) : (
										__( 'Not recorded', 'civikey' )
									) }
								</td>
								<td>
									{ item.problems.length > 0 ? (
										<ul className="civikey-badges">
											{ item.problems.map( ( code ) => (
												<li
													key={ code }
													className="civikey-badge civikey-badge--warning"
												>
													{ labels[ code ] ?? code }
												</li>
											) ) }
										</ul>
									) : (
										__( 'None', 'civikey' )
									) }
								</td>
								<td>
									<Button
										variant="secondary"
										size="compact"
										onClick={ () =>
											onOpenContact( item.id )
										}
										aria-label={ sprintf(
											/* translators: %s: contact name and ID. */
											__( 'Manage key: %s', 'civikey' ),
											label
										) }
									>
										{ __( 'Manage key', 'civikey' ) }
									</Button>
								</td>
							</tr>
						);
					} ) }
				</tbody>
			</table>
		</div>
	);
}

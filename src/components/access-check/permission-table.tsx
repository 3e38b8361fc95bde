/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { PermissionTableProps } from './types';

/**
 * A list in words: “a”, “b”, “c”.
 *
 * @param items Items.
 * @return The list.
 */
export function quoteList( items: string[] ): string {
	if ( items.length === 0 ) {
		return '';
	}
	return items
		.map( ( item ): string =>
			sprintf(
				/* translators: %s: a CiviCRM permission name. */
				__( '“%s”', 'civikey' ),
				item
			)
		)
		.reduce( ( list, item ): string =>
			sprintf(
				/* translators: 1: items of a list so far, 2: the next item. */
				__( '%1$s, %2$s', 'civikey' ),
				list,
				item
			)
		);
}

/**
 * CiviCRM permissions the integration needs against those requests made with
 * the key have, with missing ones said in words (not by colour).
 *
 * @param props      Component props.
 * @param props.rows Rows.
 * @param props.who  Whom requests run as.
 */
export default function PermissionTable( { rows, who }: PermissionTableProps ) {
	const missing = rows
		.filter( ( row ) => row.required && ! row.present )
		.map( ( row ) => row.permission );
	const yes = __( 'Yes', 'civikey' );
	const no = __( 'No', 'civikey' );

	return (
		<div className="civikey-access-check__permissions">
			{ missing.length > 0 && (
				<p className="civikey-access-check__missing">
					<strong>
						{ sprintf(
							/* translators: 1: whom requests run as, 2: quoted permission names. */
							__( 'Missing for %1$s: %2$s.', 'civikey' ),
							who,
							quoteList( missing )
						) }
					</strong>
				</p>
			) }
			<table className="widefat striped">
				<caption>
					{ sprintf(
						/* translators: %s: whom requests run as, e.g. "the WordPress user “zapier”". */
						__( 'Permissions of %s', 'civikey' ),
						who
					) }
				</caption>
				<thead>
					<tr>
						<th scope="col">
							{ __( 'CiviCRM permission', 'civikey' ) }
						</th>
						<th scope="col">
							{ __( 'WordPress capability', 'civikey' ) }
						</th>
						<th scope="col">{ __( 'Required', 'civikey' ) }</th>
						<th scope="col">{ __( 'Present', 'civikey' ) }</th>
					</tr>
				</thead>
				<tbody>
					{ rows.map( ( row ) => {
						const isMissing = row.required && ! row.present;
						return (
							<tr
								key={ row.permission }
								className={
									isMissing ? 'is-missing' : undefined
								}
							>
								<th scope="row">{ row.permission }</th>
								<td>
									<code>{ row.capability }</code>
								</td>
								<td>{ row.required ? yes : no }</td>
								<td>
									{ isMissing ? (
										<strong>
											{ __( 'No — missing', 'civikey' ) }
										</strong>
									) : (
										<>{ row.present ? yes : no }</>
									) }
								</td>
							</tr>
						);
					} ) }
				</tbody>
			</table>
		</div>
	);
}

/**
 * External dependencies
 */
import type { ForwardedRef } from 'react';

/**
 * WordPress dependencies
 */
import { Card, CardBody, CardHeader, Notice } from '@wordpress/components';
import { forwardRef, useId } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { LinkedUser } from '../../api/types';
import {
	describeKey,
	describeLastUse,
	getContactName,
	getContactTypeLabel,
} from '../../utils/contact';
import type { ContactCardProps } from './types';

/**
 * The linked WordPress user in words, or null when there is no usable one
 * (a warning says so instead).
 *
 * @param user Linked user.
 * @return E.g. "zapier-bot (Zapier bot) — roles: editor".
 */
function describeUser( user: LinkedUser | null ): string | null {
	if ( ! user || ! user.exists ) {
		return null;
	}
	const login = user.login ?? String( user.id );
	const name =
		user.display_name && user.display_name !== login
			? sprintf(
					/* translators: 1: WordPress login, 2: display name. */
					__( '%1$s (%2$s)', 'civikey' ),
					login,
					user.display_name
				)
			: login;
	return user.roles.length === 0
		? sprintf(
				/* translators: %s: WordPress user, e.g. "bot (Zapier bot)". */
				__( '%s — no role', 'civikey' ),
				name
			)
		: sprintf(
				/* translators: 1: WordPress user, 2: comma-separated role names. */
				__( '%1$s — roles: %2$s', 'civikey' ),
				name,
				user.roles.reduce( ( list, role ) =>
					sprintf(
						/* translators: 1: items of a list so far, 2: the next item. */
						__( '%1$s, %2$s', 'civikey' ),
						list,
						role
					)
				)
			);
}

/**
 * Everything the admin needs to know about the contact before giving it a
 * key: who it is, whether it has a key (only the fingerprint), and which
 * WordPress user requests made with the key will run as.
 *
 * The heading can take focus, so the page can move the admin to the card
 * once a contact is picked.
 *
 * @param props         Component props.
 * @param props.contact Contact.
 * @param ref           Ref to the heading.
 */
function ContactCard(
	{ contact }: ContactCardProps,
	ref: ForwardedRef< HTMLHeadingElement >
) {
	const headingId = useId();
	const user = contact.linked_user;
	const userText = describeUser( user );

	const rows: Array< [ string, string ] > = [
		[ __( 'Contact ID', 'civikey' ), String( contact.id ) ],
		[
			__( 'Type', 'civikey' ),
			getContactTypeLabel( contact.contact_type ),
		],
		[ __( 'Email', 'civikey' ), contact.email ?? __( 'None', 'civikey' ) ],
		[ __( 'API key', 'civikey' ), describeKey( contact.key ) ],
		...( contact.key.status === 'set'
			? [
					[
						__( 'Key last used', 'civikey' ),
						describeLastUse( contact.key.last_used ?? null ),
					] as [ string, string ],
				]
			: [] ),
		[
			__( 'WordPress user', 'civikey' ),
			userText ?? __( 'None', 'civikey' ),
		],
	];

	return (
		<Card
			as="section"
			className="civikey-contact-card"
			aria-labelledby={ headingId }
		>
			<CardHeader>
				<h2 id={ headingId } ref={ ref } tabIndex={ -1 }>
					{ getContactName( contact ) }
				</h2>
			</CardHeader>
			<CardBody>
				<dl className="civikey-contact-card__list">
					{ rows.map( ( [ term, value ] ) => (
						<div key={ term } className="civikey-contact-card__row">
							<dt>{ term }</dt>
							<dd>{ value }</dd>
						</div>
					) ) }
				</dl>

				{ contact.is_deleted && (
					<Notice status="warning" isDismissible={ false }>
						{ __(
							'This contact is in CiviCRM’s trash, and AuthX refuses the keys of contacts in the trash. Restore the contact in CiviCRM, or give the key to an active contact.',
							'civikey'
						) }
					</Notice>
				) }

				{ user === null && (
					<Notice status="warning" isDismissible={ false }>
						{ __(
							'No WordPress user linked — requests with this key run as an anonymous visitor, with only the permissions CiviCRM gives anonymous users. Create or link a user under “Will this key work?” to give the key that user’s permissions.',
							'civikey'
						) }
					</Notice>
				) }

				{ user !== null && ! user.exists && (
					<Notice status="warning" isDismissible={ false }>
						{ sprintf(
							/* translators: %d: WordPress user ID. */
							__(
								'Linked user #%d no longer exists, so AuthX cannot log the key in. Create or link a user under “Will this key work?”.',
								'civikey'
							),
							user.id
						) }
					</Notice>
				) }
			</CardBody>
		</Card>
	);
}

export default forwardRef( ContactCard );

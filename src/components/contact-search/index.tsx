/**
 * External dependencies
 */
import type { KeyboardEvent } from 'react';

/**
 * WordPress dependencies
 */
import { Button, Flex, SearchControl, Spinner } from '@wordpress/components';
import { useCallback, useId, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { DEFAULT_PER_PAGE, searchContacts } from '../../api/client';
import type { RequestOptions } from '../../api/types';
import useApiRequest from '../../hooks/use-api-request';
import useDebouncedValue from '../../hooks/use-debounced-value';
import {
	describeKey,
	getContactName,
	getContactTypeLabel,
} from '../../utils/contact';
import ErrorNotice from '../error-notice';
import type { ContactResultProps, ContactSearchProps } from './types';

/**
 * One result: a button whose text says enough to tell contacts apart.
 *
 * @param props            Component props.
 * @param props.contact    Contact.
 * @param props.isSelected Whether it is the contact picked last.
 * @param props.onSelect   Pick handler.
 */
function ContactResult( {
	contact,
	isSelected,
	onSelect,
}: ContactResultProps ) {
	const details = [
		sprintf(
			/* translators: %d: CiviCRM contact ID. */
			__( 'ID %d', 'civikey' ),
			contact.id
		),
		getContactTypeLabel( contact.contact_type ),
		contact.email ?? __( 'no email', 'civikey' ),
		describeKey( contact.key ),
	];
	if ( contact.is_deleted ) {
		details.push( __( 'in the trash', 'civikey' ) );
	}

	return (
		<li>
			<Button
				className="civikey-contact-search__result"
				aria-current={ isSelected ? 'true' : undefined }
				onClick={ () => onSelect( contact ) }
				onKeyDown={ onResultKeyDown }
				__next40pxDefaultSize
			>
				<strong>{ getContactName( contact ) }</strong>
				<span className="civikey-contact-search__details">
					{ details.reduce( ( line, detail ) =>
						sprintf(
							/* translators: 1: details so far, 2: one more detail. */
							__( '%1$s · %2$s', 'civikey' ),
							line,
							detail
						)
					) }
				</span>
			</Button>
		</li>
	);
}

/**
 * Moves focus between the result buttons with the arrow, Home and End keys
 * (Tab works too; Enter and Space pick the focused contact).
 *
 * @param event Key press on a result button.
 */
function onResultKeyDown( event: KeyboardEvent< HTMLButtonElement > ) {
	const list = event.currentTarget.closest( 'ul' );
	if ( ! list ) {
		return;
	}
	const buttons = Array.from(
		list.querySelectorAll< HTMLButtonElement >( 'button' )
	);
	const current = buttons.indexOf( event.currentTarget );
	let next: number;
	switch ( event.key ) {
		case 'ArrowDown':
			next = Math.min( current + 1, buttons.length - 1 );
			break;
		case 'ArrowUp':
			next = Math.max( current - 1, 0 );
			break;
		case 'Home':
			next = 0;
			break;
		case 'End':
			next = buttons.length - 1;
			break;
		default:
			return;
	}
	event.preventDefault();
	buttons[ next ]?.focus();
}

/**
 * Finds contacts by name, email or ID, a page at a time. The search starts
 * once typing pauses; the number of contacts found is announced.
 *
 * @param props               Component props.
 * @param props.onSelect      Pick handler.
 * @param props.selected      The contact picked last.
 * @param props.perPage       Contacts per page.
 * @param props.debounceDelay Pause before searching, in milliseconds.
 */
export default function ContactSearch( {
	onSelect,
	selected = null,
	perPage = DEFAULT_PER_PAGE,
	debounceDelay = 300,
}: ContactSearchProps ) {
	const hintId = useId();
	const [ text, setText ] = useState( '' );
	const search = useDebouncedValue( text.trim(), debounceDelay );
	// The page belongs to the search it was chosen for: a new search starts
	// on page 1.
	const [ paging, setPaging ] = useState( { search: '', page: 1 } );
	const page = paging.search === search ? paging.page : 1;

	const load = useCallback(
		( options: RequestOptions ) =>
			searchContacts( { search, page, perPage }, options ),
		[ search, page, perPage ]
	);
	const { data, error, isLoading, retry } = useApiRequest(
		load,
		search === '' ? null : `${ search }\n${ page }`
	);
	const goTo = ( next: number ) => setPaging( { search, page: next } );

	const isWaiting = isLoading || text.trim() !== search;
	let announcement = '';
	if ( text.trim() !== '' && isWaiting ) {
		announcement = __( 'Searching…', 'civikey' );
	} else if ( search !== '' && data && data.total === 0 ) {
		announcement = sprintf(
			/* translators: %s: what the admin searched for. */
			__( 'No contacts match “%s”.', 'civikey' ),
			search
		);
	} else if ( search !== '' && data && data.totalPages > 1 ) {
		announcement = sprintf(
			/* translators: 1: number of contacts found, 2: current page, 3: number of pages. */
			_n(
				'%1$d contact found. Page %2$d of %3$d.',
				'%1$d contacts found. Page %2$d of %3$d.',
				data.total,
				'civikey'
			),
			data.total,
			page,
			data.totalPages
		);
	} else if ( search !== '' && data ) {
		announcement = sprintf(
			/* translators: %d: number of contacts found. */
			_n(
				'%d contact found.',
				'%d contacts found.',
				data.total,
				'civikey'
			),
			data.total
		);
	}

	return (
		<div className="civikey-contact-search">
			<SearchControl
				label={ __( 'Search contacts', 'civikey' ) }
				hideLabelFromVision={ false }
				placeholder={ __( 'Name, email or contact ID', 'civikey' ) }
				value={ text }
				onChange={ setText }
				aria-describedby={ hintId }
				__nextHasNoMarginBottom
			/>
			<p id={ hintId } className="description">
				{ __(
					'Search by part of a name or email address, or by the exact contact ID.',
					'civikey'
				) }
			</p>

			<Flex
				justify="flex-start"
				className="civikey-contact-search__status"
			>
				{ isWaiting && text.trim() !== '' && <Spinner /> }
				<p aria-live="polite" aria-atomic="true">
					{ announcement }
				</p>
			</Flex>

			{ error && (
				<ErrorNotice
					error={ error }
					onRetry={ retry }
					isRetrying={ isLoading }
				/>
			) }

			{ search !== '' && data && data.contacts.length > 0 && (
				<>
					<ul
						className="civikey-contact-search__results"
						aria-label={ __( 'Contacts found', 'civikey' ) }
					>
						{ data.contacts.map( ( contact ) => {
							const isSelected = contact.id === selected?.id;
							return (
								<ContactResult
									key={ contact.id }
									contact={
										isSelected && selected
											? selected
											: contact
									}
									isSelected={ isSelected }
									onSelect={ onSelect }
								/>
							);
						} ) }
					</ul>
					{ data.totalPages > 1 && (
						<nav
							aria-label={ __( 'Pages of contacts', 'civikey' ) }
						>
							<Flex justify="flex-start">
								<Button
									variant="secondary"
									onClick={ () => goTo( page - 1 ) }
									disabled={ page <= 1 }
									accessibleWhenDisabled
									__next40pxDefaultSize
								>
									{ __( 'Previous', 'civikey' ) }
								</Button>
								<span>
									{ sprintf(
										/* translators: 1: current page, 2: number of pages. */
										__( 'Page %1$d of %2$d', 'civikey' ),
										page,
										data.totalPages
									) }
								</span>
								<Button
									variant="secondary"
									onClick={ () => goTo( page + 1 ) }
									disabled={ page >= data.totalPages }
									accessibleWhenDisabled
									__next40pxDefaultSize
								>
									{ __( 'Next', 'civikey' ) }
								</Button>
							</Flex>
						</nav>
					) }
				</>
			) }
		</div>
	);
}

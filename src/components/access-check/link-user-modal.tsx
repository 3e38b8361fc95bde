/**
 * WordPress dependencies
 */
import {
	Button,
	Flex,
	Modal,
	SearchControl,
	Spinner,
} from '@wordpress/components';
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	isUserLinkedElsewhere,
	linkContactUser,
	searchUsers,
} from '../../api/access';
import type { WpUser } from '../../api/access-types';
import type { ApiError, RequestOptions } from '../../api/types';
import useApiRequest from '../../hooks/use-api-request';
import useDebouncedValue from '../../hooks/use-debounced-value';
import { getContactLabel } from '../../utils/contact';
import ErrorNotice from '../error-notice';
import type { LinkUserModalProps } from './types';

/**
 * Where the dialog is:
 * - `pick`: searching for the user;
 * - `confirm`: about to link the user picked;
 * - `move`: the user is linked to another contact; moving needs a yes.
 */
type Step =
	| { name: 'pick' }
	| { name: 'confirm'; user: WpUser }
	| { name: 'move'; user: WpUser; from: number | null };

/**
 * A user in words, to tell users apart.
 *
 * @param user User.
 * @return E.g. "“robot” (Sync Robot)".
 */
function describeUser( user: WpUser ): string {
	return user.name !== '' && user.name !== user.username
		? sprintf(
				/* translators: 1: WordPress login, 2: display name. */
				__( '“%1$s” (%2$s)', 'civikey' ),
				user.username,
				user.name
			)
		: sprintf(
				/* translators: %s: WordPress login. */
				__( '“%s”', 'civikey' ),
				user.username
			);
}

/**
 * Links an existing WordPress user to the contact: search, pick, confirm,
 * and, when the user is linked to another contact, confirm moving the link.
 * Focus goes to the search box, then to the question at each step (read
 * first, and Enter by reflex changes nothing); the Modal returns focus to
 * the button that opened it.
 *
 * @param props               Component props.
 * @param props.contact       Contact.
 * @param props.onLinked      Called once linked.
 * @param props.onClose       Called when the admin backs out.
 * @param props.debounceDelay Pause before searching, in milliseconds.
 */
export default function LinkUserModal( {
	contact,
	onLinked,
	onClose,
	debounceDelay = 300,
}: LinkUserModalProps ) {
	const label = getContactLabel( contact );
	const [ step, setStep ] = useState< Step >( { name: 'pick' } );
	const [ text, setText ] = useState( '' );
	const [ isBusy, setIsBusy ] = useState( false );
	const [ error, setError ] = useState< ApiError | null >( null );
	const searchRef = useRef< HTMLInputElement >( null );
	const questionRef = useRef< HTMLParagraphElement >( null );

	const search = useDebouncedValue( text.trim(), debounceDelay );
	const load = useCallback(
		( options: RequestOptions ) => searchUsers( search, options ),
		[ search ]
	);
	const users = useApiRequest( load, step.name === 'pick' ? search : null );

	useEffect( () => {
		if ( step.name === 'pick' ) {
			searchRef.current?.focus();
		} else {
			questionRef.current?.focus();
		}
	}, [ step.name ] );

	const close = () => {
		if ( ! isBusy ) {
			onClose();
		}
	};

	const link = async ( user: WpUser, move: boolean ) => {
		setIsBusy( true );
		setError( null );
		try {
			const change = await linkContactUser( contact.id, user.id, {
				move,
			} );
			setIsBusy( false );
			onLinked( change, user );
		} catch ( caught ) {
			setIsBusy( false );
			if ( ! move && isUserLinkedElsewhere( caught ) ) {
				setStep( {
					name: 'move',
					user,
					from: caught.linkedContactId,
				} );
			} else {
				setError( caught as ApiError ); // The client rejects with ApiError.
			}
		}
	};

	const isSearching = users.isLoading || text.trim() !== search;
	let announcement = '';
	if ( isSearching ) {
		announcement = __( 'Searching…', 'civikey' );
	} else if ( users.data && users.data.length === 0 ) {
		announcement = __( 'No WordPress users match.', 'civikey' );
	} else if ( users.data ) {
		announcement = sprintf(
			/* translators: %d: number of users shown. */
			_n(
				'%d user shown.',
				'%d users shown.',
				users.data.length,
				'civikey'
			),
			users.data.length
		);
	}

	const actions = ( confirmLabel: string, onConfirm: () => void ) => (
		<Flex justify="flex-end">
			<Button
				variant="tertiary"
				onClick={ () => {
					setError( null );
					setStep( { name: 'pick' } );
				} }
				disabled={ isBusy }
				accessibleWhenDisabled
				__next40pxDefaultSize
			>
				{ __( 'Back', 'civikey' ) }
			</Button>
			<Button
				variant="primary"
				onClick={ () => ! isBusy && onConfirm() }
				isBusy={ isBusy }
				disabled={ isBusy }
				accessibleWhenDisabled
				__next40pxDefaultSize
			>
				{ confirmLabel }
			</Button>
		</Flex>
	);

	return (
		<Modal
			title={ sprintf(
				/* translators: %s: contact name and ID. */
				__( 'Link a WordPress user to %s', 'civikey' ),
				label
			) }
			onRequestClose={ close }
			focusOnMount={ false }
			isDismissible={ ! isBusy }
			shouldCloseOnClickOutside={ ! isBusy }
			shouldCloseOnEsc={ ! isBusy }
			size="medium"
			className="civikey-link-user"
		>
			{ step.name === 'pick' && (
				<>
					<p>
						{ __(
							'Requests made with the contact’s key will run as the user you pick, with its roles. Pick a user made for this integration, never a person’s account.',
							'civikey'
						) }
					</p>
					<SearchControl
						ref={ searchRef }
						label={ __( 'Search WordPress users', 'civikey' ) }
						hideLabelFromVision={ false }
						placeholder={ __( 'Name, login or email', 'civikey' ) }
						value={ text }
						onChange={ setText }
						__nextHasNoMarginBottom
					/>
					<Flex justify="flex-start">
						{ isSearching && <Spinner /> }
						<p aria-live="polite" aria-atomic="true">
							{ announcement }
						</p>
					</Flex>
					{ users.error && (
						<ErrorNotice
							error={ users.error }
							onRetry={ users.retry }
							isRetrying={ users.isLoading }
						/>
					) }
					{ users.data && users.data.length > 0 && (
						<ul
							className="civikey-link-user__results"
							aria-label={ __( 'WordPress users', 'civikey' ) }
						>
							{ users.data.map( ( user ) => (
								<li key={ user.id }>
									<Button
										variant="secondary"
										onClick={ () =>
											setStep( { name: 'confirm', user } )
										}
										__next40pxDefaultSize
									>
										{ user.email !== ''
											? sprintf(
													/* translators: 1: user in words, 2: email. */
													__(
														'%1$s · %2$s',
														'civikey'
													),
													describeUser( user ),
													user.email
												)
											: describeUser( user ) }
									</Button>
								</li>
							) ) }
						</ul>
					) }
					<Flex justify="flex-end">
						<Button
							variant="tertiary"
							onClick={ close }
							__next40pxDefaultSize
						>
							{ __( 'Cancel', 'civikey' ) }
						</Button>
					</Flex>
				</>
			) }

			{ step.name === 'confirm' && (
				<>
					<p ref={ questionRef } tabIndex={ -1 }>
						{ sprintf(
							/* translators: 1: WordPress user in words, 2: contact name and ID. */
							__(
								'Link WordPress user %1$s to %2$s? Requests made with the contact’s key will then run as this user, with its roles. Nothing else about the user changes.',
								'civikey'
							),
							describeUser( step.user ),
							label
						) }
					</p>
					{ error && <ErrorNotice error={ error } /> }
					{ actions( __( 'Link user', 'civikey' ), () =>
						link( step.user, false )
					) }
				</>
			) }

			{ step.name === 'move' && (
				<>
					<p ref={ questionRef } tabIndex={ -1 }>
						{ step.from !== null
							? sprintf(
									/* translators: 1: WordPress user in words, 2: contact ID it is linked to, 3: contact name and ID. */
									__(
										'%1$s is linked to contact %2$d now. Linking it to %3$s unlinks it from contact %2$d: a key on that contact would then run as an anonymous visitor.',
										'civikey'
									),
									describeUser( step.user ),
									step.from,
									label
								)
							: sprintf(
									/* translators: 1: WordPress user in words, 2: contact name and ID. */
									__(
										'%1$s is linked to another contact now. Linking it to %2$s unlinks it from that contact: a key on that contact would then run as an anonymous visitor.',
										'civikey'
									),
									describeUser( step.user ),
									label
								) }
					</p>
					{ error && <ErrorNotice error={ error } /> }
					{ actions( __( 'Move the link here', 'civikey' ), () =>
						link( step.user, true )
					) }
				</>
			) }
		</Modal>
	);
}

/**
 * WordPress dependencies
 */
import { Card, CardBody, CardHeader, Notice } from '@wordpress/components';
import {
	Suspense,
	lazy,
	useCallback,
	useEffect,
	useId,
	useRef,
	useState,
} from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getContact } from '../../api/client';
import type { ApiError, Contact, KeyChange } from '../../api/types';
import { getContactLabel } from '../../utils/contact';
import AccessCheck from '../access-check';
import ConfirmDialog from '../confirm-dialog';
import ContactCard from '../contact-card';
import ConnectEntry from '../connect-integration/entry';
import ContactSearch from '../contact-search';
import CreateContactModal from '../create-contact-modal';
import ErrorNotice from '../error-notice';
import KeyEditor from '../key-editor';
import NewKeyNotice from '../new-key-notice';
import type { KeyManagerProps, PendingSelection, ShownKey } from './types';

const UsageHelp = lazy(
	() => import( /* webpackChunkName: "civikey-usage" */ '../usage-help' )
);

/** Where focus goes after the next render. */
type FocusTarget = 'card' | 'message' | 'notice' | null;

/**
 * The key lifecycle: find or create a contact, see its key status and linked
 * user, set, replace or revoke its key, see a new key once, and learn how to
 * use it.
 *
 * The new key lives in this component's state only until the admin presses
 * Done or moves on to another contact (after a warning when they have not
 * copied it). It is never fetched again: the server does not return keys.
 *
 * @param props             Component props.
 * @param props.openRequest A contact to open, e.g. from the inventory.
 * @param props.onConnect   Opens "Connect a new integration".
 */
export default function KeyManager( {
	openRequest = null,
	onConnect,
}: KeyManagerProps ) {
	const findHeadingId = useId();
	const [ contact, setContact ] = useState< Contact | null >( null );
	const [ shown, setShown ] = useState< ShownKey | null >( null );
	const [ pending, setPending ] = useState< PendingSelection | null >( null );
	const [ message, setMessage ] = useState< string | null >( null );
	const [ reloadError, setReloadError ] = useState< ApiError | null >( null );
	// Bumped after a key test, so the access check looks again.
	const [ accessRefresh, setAccessRefresh ] = useState( 0 );
	// From the contact's report, so the usage examples show the site key
	// only when this contact's requests need it.
	const [ needsSiteKey, setNeedsSiteKey ] = useState< boolean | null >(
		null
	);

	const cardRef = useRef< HTMLHeadingElement >( null );
	const messageRef = useRef< HTMLDivElement >( null );
	const noticeRef = useRef< HTMLElement | null >( null );
	const focusNext = useRef< FocusTarget >( null );

	// Runs after every render: moves focus where the last action asked.
	useEffect( () => {
		const target = focusNext.current;
		focusNext.current = null;
		if ( target === 'card' ) {
			cardRef.current?.focus();
		} else if ( target === 'message' ) {
			messageRef.current?.focus();
		} else if ( target === 'notice' ) {
			noticeRef.current?.focus();
		}
	} );

	const apply = ( next: Contact, nextMessage: string | null = null ) => {
		setShown( null );
		setPending( null );
		setContact( next );
		setMessage( nextMessage );
		setReloadError( null );
		focusNext.current = 'card';
	};

	const select = ( next: Contact, nextMessage: string | null = null ) => {
		if ( contact && next.id === contact.id ) {
			// Already there (the result may be older than what is shown):
			// only take the admin to it.
			( shown ? noticeRef : cardRef ).current?.focus();
			return;
		}
		if ( shown && ! shown.isCopied ) {
			setPending( { contact: next, message: nextMessage } );
			return;
		}
		apply( next, nextMessage );
	};

	// "Manage key" from the inventory: load that contact and select it, with
	// the same guard for an uncopied new key as picking it by hand.
	useEffect( () => {
		if ( ! openRequest ) {
			return undefined;
		}
		let isCurrent = true;
		getContact( openRequest.contactId ).then(
			( found ) => {
				if ( isCurrent ) {
					select( found );
				}
			},
			( failure: ApiError ) => {
				if ( isCurrent ) {
					setReloadError( failure );
				}
			}
		);
		return () => {
			isCurrent = false;
		};
		// `select` is recreated every render; only a new request should load.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ openRequest ] );

	const onCreated = ( created: Contact ) =>
		select(
			created,
			sprintf(
				/* translators: %s: contact name and ID. */
				__( 'Service contact %s created.', 'civikey' ),
				getContactLabel( created )
			)
		);

	const onSaved = ( change: KeyChange, key: string ) => {
		setContact( change.contact );
		setMessage( null );
		setShown( {
			value: key,
			contactId: change.contact.id,
			action: change.action,
			isCopied: false,
		} );
		// The notice moves focus to itself when it mounts.
	};

	const onRevoked = ( change: KeyChange ) => {
		setContact( change.contact );
		setMessage(
			sprintf(
				/* translators: %s: contact name and ID. */
				__(
					'The key of %s was revoked. Whatever used it no longer works.',
					'civikey'
				),
				getContactLabel( change.contact )
			)
		);
		focusNext.current = 'message';
	};

	const contactId = contact?.id ?? null;
	const onStale = useCallback( () => {
		if ( contactId === null ) {
			return;
		}
		getContact( contactId ).then(
			// Unless the admin has moved on to another contact meanwhile.
			( fresh ) =>
				setContact( ( current ) =>
					current?.id === fresh.id ? fresh : current
				),
			( error: ApiError ) => setReloadError( error )
		);
	}, [ contactId ] );

	const onCopied = () =>
		setShown( ( current ) =>
			current ? { ...current, isCopied: true } : current
		);

	const onDone = () => {
		setShown( null );
		focusNext.current = 'card';
	};

	const isShowingKey = shown !== null && shown.contactId === contact?.id;

	return (
		<div className="civikey-key-manager">
			{ onConnect && <ConnectEntry onStart={ onConnect } /> }

			<Card
				as="section"
				className="civikey-key-manager__find"
				aria-labelledby={ findHeadingId }
			>
				<CardHeader>
					<h2 id={ findHeadingId }>
						{ __( 'Choose a contact', 'civikey' ) }
					</h2>
				</CardHeader>
				<CardBody>
					<ContactSearch
						onSelect={ ( next ) => select( next ) }
						selected={ contact }
					/>
					<p>
						{ __(
							'Connecting a service? Give it a contact of its own, so its key can be revoked without touching anyone else.',
							'civikey'
						) }
					</p>
					<CreateContactModal onCreated={ onCreated } />
				</CardBody>
			</Card>

			{ message && (
				<div
					ref={ messageRef }
					tabIndex={ -1 }
					className="civikey-key-manager__message"
				>
					<Notice
						status="success"
						onRemove={ () => setMessage( null ) }
					>
						{ message }
					</Notice>
				</div>
			) }

			{ reloadError && <ErrorNotice error={ reloadError } /> }

			{ contact && <ContactCard ref={ cardRef } contact={ contact } /> }

			{ contact && (
				<AccessCheck
					key={ `access-${ contact.id }` }
					contact={ contact }
					refreshKey={ accessRefresh }
					onChanged={ onStale }
					onNeedsSiteKeyChange={ setNeedsSiteKey }
				/>
			) }

			{ contact && isShowingKey && shown && (
				<NewKeyNotice
					ref={ noticeRef }
					apiKey={ shown.value }
					contact={ contact }
					action={ shown.action }
					isCopied={ shown.isCopied }
					onCopied={ onCopied }
					onDone={ onDone }
					onTested={ () => setAccessRefresh( ( n ) => n + 1 ) }
				/>
			) }

			{ contact && ! isShowingKey && (
				<KeyEditor
					key={ contact.id }
					contact={ contact }
					onSaved={ onSaved }
					onRevoked={ onRevoked }
					onStale={ onStale }
				/>
			) }

			{ contact && (
				<Suspense fallback={ null }>
					<UsageHelp
						apiKey={ isShowingKey && shown ? shown.value : null }
						needsSiteKey={ needsSiteKey }
					/>
				</Suspense>
			) }

			{ pending && contact && (
				<ConfirmDialog
					title={ __(
						'Leave the new key without copying it?',
						'civikey'
					) }
					confirmLabel={ __( 'Leave the key', 'civikey' ) }
					cancelLabel={ __( 'Go back to the key', 'civikey' ) }
					isDestructive
					onConfirm={ () =>
						apply( pending.contact, pending.message )
					}
					onCancel={ () => {
						setPending( null );
						focusNext.current = 'notice';
					} }
				>
					<p>
						{ sprintf(
							/* translators: 1: contact the key was saved on, 2: contact picked next. */
							__(
								'You have not copied the new key of %1$s. If you go on to %2$s, the key disappears from this page for good and you will have to replace it to get a new one.',
								'civikey'
							),
							getContactLabel( contact ),
							getContactLabel( pending.contact )
						) }
					</p>
				</ConfirmDialog>
			) }
		</div>
	);
}

/**
 * WordPress dependencies
 */
import {
	Suspense,
	lazy,
	useCallback,
	useEffect,
	useRef,
	useState,
} from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import LoadingMessage from '../loading-message';
import ErrorNotice from '../error-notice';
import KeyManager from '../key-manager';
import StatusPanel from '../status-panel';
import ViewTabs from '../views';
import useHashView from '../views/use-hash-view';
import ViewBoundary from '../views/view-boundary';
import type { AppView, OpenContactRequest } from './types';
import useStatus from './use-status';

/*
 * The Inventory and Audit views load on first use, in one script of their
 * own (build/civikey-reports.js), to keep the page's script small.
 */
const InventoryView = lazy(
	() => import( /* webpackChunkName: "civikey-reports" */ '../inventory' )
);
const AuditLogView = lazy(
	() => import( /* webpackChunkName: "civikey-reports" */ '../audit-log' )
);
// Likewise "Connect a new integration" (build/civikey-connect.js): only its
// button is in the page's script.
const ConnectIntegration = lazy(
	() =>
		import(
			/* webpackChunkName: "civikey-connect" */ '../connect-integration'
		)
);

/**
 * What a view shows while its script loads.
 */
function ViewLoading() {
	return <LoadingMessage>{ __( 'Loading…', 'civikey' ) }</LoadingMessage>;
}

/** The views, in tab order; each is also its URL hash (`#inventory`). */
export const APP_VIEWS: readonly AppView[] = [ 'keys', 'inventory', 'audit' ];

/**
 * The Tools → CiviKey admin page. It mounts inside the page's `.wrap`, below
 * the heading the PHP side prints (so the page has a title without JavaScript).
 *
 * The status panel comes first; when the current user may manage keys, tabs
 * follow: Keys (the key lifecycle), Inventory (every key and its problems)
 * and Audit (who did what). The tab is kept in the URL hash, so other
 * screens can link to `tools.php?page=civikey#inventory`.
 */
export default function App() {
	const { status, error, isLoading, retry } = useStatus();
	const [ view, setView ] = useHashView( APP_VIEWS, 'keys' );
	// A new object on every "Manage key", even for the same contact.
	const [ openRequest, setOpenRequest ] =
		useState< OpenContactRequest | null >( null );
	const [ isConnecting, setIsConnecting ] = useState( false );
	// While the flow shows a new key, nothing closes it but the flow.
	const isConnectKeyShown = useRef( false );
	const keysRef = useRef< HTMLDivElement >( null );
	const focusKeys = useRef( false );

	// After "Manage key" in the inventory, take the admin to the Keys view.
	useEffect( () => {
		if ( focusKeys.current && view === 'keys' ) {
			focusKeys.current = false;
			keysRef.current?.focus();
		}
	} );

	const onOpenContact = useCallback(
		( contactId: number ) => {
			if ( ! isConnectKeyShown.current ) {
				setIsConnecting( false );
			}
			setOpenRequest( { contactId } );
			focusKeys.current = true;
			setView( 'keys' );
		},
		[ setView ]
	);

	const renderPanel = ( name: AppView ) => {
		switch ( name ) {
			case 'inventory':
				return (
					<ViewBoundary>
						<Suspense fallback={ <ViewLoading /> }>
							<InventoryView
								onOpenContact={ onOpenContact }
								isActive={ view === 'inventory' }
							/>
						</Suspense>
					</ViewBoundary>
				);
			case 'audit':
				return (
					<ViewBoundary>
						<Suspense fallback={ <ViewLoading /> }>
							<AuditLogView isActive={ view === 'audit' } />
						</Suspense>
					</ViewBoundary>
				);
			default:
				return (
					<div
						ref={ keysRef }
						tabIndex={ -1 }
						className="civikey-app__keys"
						// A long name of one word (a contact, a login) wraps
						// rather than push the page sideways at 390 px.
						style={ { overflowWrap: 'anywhere' } }
					>
						{ isConnecting && (
							<ViewBoundary>
								<Suspense fallback={ <ViewLoading /> }>
									<ConnectIntegration
										onClose={ () => {
											setIsConnecting( false );
											focusKeys.current = true;
										} }
										onManageContact={ onOpenContact }
										onKeyShown={ ( isShown ) => {
											isConnectKeyShown.current = isShown;
										} }
									/>
								</Suspense>
							</ViewBoundary>
						) }
						{ /* Hidden, not gone: a key it shows must survive. */ }
						<div hidden={ isConnecting }>
							<KeyManager
								openRequest={ openRequest }
								onConnect={ () => setIsConnecting( true ) }
							/>
						</div>
					</div>
				);
		}
	};

	return (
		<div className="civikey-app">
			{ isLoading && (
				<LoadingMessage>
					{ __( 'Loading CiviCRM status…', 'civikey' ) }
				</LoadingMessage>
			) }

			{ error && (
				<ErrorNotice
					error={ error }
					onRetry={ retry }
					isRetrying={ isLoading }
				/>
			) }

			{ status && <StatusPanel status={ status } /> }

			{ /* Without access, the status panel says why and how to get it. */ }
			{ status?.access.can_manage_keys && (
				<ViewTabs
					label={ __( 'CiviKey views', 'civikey' ) }
					tabs={ [
						{ name: 'keys', title: __( 'Keys', 'civikey' ) },
						{
							name: 'inventory',
							title: __( 'Inventory', 'civikey' ),
						},
						{ name: 'audit', title: __( 'Audit', 'civikey' ) },
					] }
					selected={ view }
					onSelect={ setView }
					renderPanel={ renderPanel }
				/>
			) }
		</div>
	);
}

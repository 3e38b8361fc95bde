/**
 * WordPress dependencies
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Flex,
	Notice,
} from '@wordpress/components';
import {
	useCallback,
	useEffect,
	useId,
	useMemo,
	useRef,
	useState,
} from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	applyContactRole,
	createContactUser,
	getAccessReport,
	getProfiles,
} from '../../api/access';
import {
	CUSTOM_PROFILE,
	type AccessRequirement,
	type UserChange,
	type WpUser,
} from '../../api/access-types';
import type { ApiError, RequestOptions } from '../../api/types';
import useApiRequest from '../../hooks/use-api-request';
import { getContactLabel } from '../../utils/contact';
import ConfirmDialog from '../confirm-dialog';
import ErrorNotice from '../error-notice';
import CheckList from './check-list';
import {
	ADMINISTER,
	AUTHENTICATE,
	DEFAULT_PROFILE,
	REST_ACCESS,
} from './constants';
import LinkUserModal from './link-user-modal';
import { suggestLogin } from './login';
import PermissionTable, { quoteList } from './permission-table';
import ProfileChooser from './profile-chooser';
import type { AccessCheckProps, ConfirmedFix } from './types';
import Verdict, { describeRunsAs } from './verdict';
import './access-check.scss';

/**
 * Answers "Will this key work?" for the contact and what its integration
 * must do, and offers the fixes: the verdict in plain words, each check with
 * a text mark, a button next to what it fixes (each asks first, then checks
 * again), the permissions needed against those present, and least-privilege
 * warnings.
 *
 * @param props                      Component props.
 * @param props.contact              Contact.
 * @param props.refreshKey           Checks again when it changes.
 * @param props.onChanged            Called after a fix changed the contact's user.
 * @param props.onNeedsSiteKeyChange Told whether the key needs the site key.
 */
export default function AccessCheck( {
	contact,
	refreshKey = 0,
	onChanged,
	onNeedsSiteKeyChange,
}: AccessCheckProps ) {
	const headingId = useId();
	const label = getContactLabel( contact );

	const [ profile, setProfile ] = useState( DEFAULT_PROFILE );
	const [ custom, setCustom ] = useState< string[] >( [] );
	const [ fix, setFix ] = useState< ConfirmedFix | null >( null );
	const [ isBusy, setIsBusy ] = useState( false );
	const [ fixError, setFixError ] = useState< ApiError | null >( null );
	const [ done, setDone ] = useState< string | null >( null );
	const doneRef = useRef< HTMLDivElement >( null );
	const focusDone = useRef( false );

	const profiles = useApiRequest( getProfiles );
	const profileList = useMemo( () => profiles.data ?? [], [ profiles.data ] );

	// Stable while the choice is: the report reloads only when it changes.
	const customKey = custom.join( '\n' );
	const requirement = useMemo< AccessRequirement >(
		() =>
			profile === CUSTOM_PROFILE
				? {
						profile,
						permissions: [
							REST_ACCESS,
							...customKey
								.split( '\n' )
								.filter(
									( permission ) =>
										permission !== '' &&
										permission !== REST_ACCESS
								),
						],
					}
				: { profile },
		[ profile, customKey ]
	);

	const contactId = contact.id;
	const loadReport = useCallback(
		( options: RequestOptions ) =>
			getAccessReport( contactId, requirement, options ),
		[ contactId, requirement ]
	);
	const report = useApiRequest( loadReport, String( refreshKey ) );

	const userLogin =
		report.data?.runs_as.login ?? contact.linked_user?.login ?? null;

	const needsSiteKey = report.data?.needs_site_key ?? null;
	useEffect( () => {
		onNeedsSiteKeyChange?.( needsSiteKey );
	}, [ needsSiteKey, onNeedsSiteKeyChange ] );

	// The permissions the dedicated role will hold, as the server works
	// them out (with "authenticate with api key", which spares the site key).
	const rolePermissions = useMemo( () => {
		const needed =
			requirement.permissions ??
			profileList.find( ( { name } ) => name === profile )?.permissions ??
			report.data?.permissions
				.filter( ( row ) => row.required )
				.map( ( row ) => row.permission ) ??
			[];
		return [ ...new Set( [ REST_ACCESS, ...needed, AUTHENTICATE ] ) ];
	}, [ requirement, profileList, profile, report.data ] );

	// After a fix, move focus to what it did, once the dialog has gone.
	useEffect( () => {
		if ( focusDone.current && done && ! fix ) {
			focusDone.current = false;
			doneRef.current?.focus();
		}
	} );

	const chooseProfile = ( next: string ) => {
		if ( next === CUSTOM_PROFILE && custom.length === 0 ) {
			// Start from what was chosen, but never with full control.
			setCustom(
				(
					profileList.find( ( { name } ) => name === profile )
						?.permissions ?? []
				).filter(
					( permission ) =>
						permission !== ADMINISTER && permission !== REST_ACCESS
				)
			);
		}
		setProfile( next );
	};

	const openFix = ( next: ConfirmedFix ) => {
		setFixError( null );
		setFix( next );
	};

	const closeFix = () => {
		if ( ! isBusy ) {
			setFix( null );
		}
	};

	const finish = ( message: string ) => {
		setFix( null );
		setDone( message );
		focusDone.current = true;
		report.retry();
		onChanged?.();
	};

	const run = async ( action: () => Promise< string > ) => {
		setIsBusy( true );
		setFixError( null );
		try {
			const message = await action();
			setIsBusy( false );
			finish( message );
		} catch ( caught ) {
			setIsBusy( false );
			setFixError( caught as ApiError ); // The client rejects with ApiError.
		}
	};

	const createUser = () =>
		run( async () => {
			const change = await createContactUser( contactId );
			return sprintf(
				/* translators: 1: WordPress login, 2: contact name and ID. */
				__(
					'WordPress user “%1$s” created and linked to %2$s. It has no role yet.',
					'civikey'
				),
				change.login,
				label
			);
		} );

	const applyRole = () =>
		run( async () => {
			const role = await applyContactRole( contactId, requirement );
			const login = userLogin ?? String( role.user_id );
			return role.created
				? sprintf(
						/* translators: 1: role name, 2: WordPress login. */
						__(
							'Role “%1$s” created and given to “%2$s”.',
							'civikey'
						),
						role.name,
						login
					)
				: sprintf(
						/* translators: 1: role name, 2: WordPress login. */
						__( 'Role “%1$s” given to “%2$s”.', 'civikey' ),
						role.name,
						login
					);
		} );

	const onLinked = ( change: UserChange, user: WpUser ) => {
		const linked = sprintf(
			/* translators: 1: WordPress login, 2: contact name and ID. */
			__( 'WordPress user “%1$s” linked to %2$s.', 'civikey' ),
			change.login || user.username,
			label
		);
		finish(
			change.moved_from
				? sprintf(
						/* translators: 1: sentence saying the user was linked, 2: contact ID it was linked to before. */
						__(
							'%1$s It is no longer linked to contact %2$d.',
							'civikey'
						),
						linked,
						change.moved_from
					)
				: linked
		);
	};

	const profileLabel =
		profile === CUSTOM_PROFILE
			? __( 'Custom', 'civikey' )
			: ( profileList.find( ( { name } ) => name === profile )?.label ??
				profile );
	const who = report.data ? describeRunsAs( report.data ) : '';

	return (
		<Card
			as="section"
			className="civikey-access-check"
			aria-labelledby={ headingId }
		>
			<CardHeader>
				<h2 id={ headingId }>
					{ __( 'Will this key work?', 'civikey' ) }
				</h2>
			</CardHeader>
			<CardBody>
				{ done && (
					<div ref={ doneRef } tabIndex={ -1 }>
						<Notice
							status="success"
							onRemove={ () => setDone( null ) }
						>
							{ done }
						</Notice>
					</div>
				) }

				<Verdict
					report={ report.data }
					isLoading={ report.isLoading }
				/>

				{ report.error && (
					<ErrorNotice
						error={ report.error }
						onRetry={ report.retry }
						isRetrying={ report.isLoading }
					/>
				) }

				{ profiles.error && (
					<ErrorNotice
						error={ profiles.error }
						onRetry={ profiles.retry }
						isRetrying={ profiles.isLoading }
					/>
				) }

				<ProfileChooser
					profiles={ profileList }
					profile={ profile }
					custom={ custom }
					onProfileChange={ chooseProfile }
					onCustomChange={ setCustom }
				/>

				{ report.data && (
					<>
						<h3>{ __( 'Checks', 'civikey' ) }</h3>
						<CheckList
							checks={ report.data.checks }
							isBusy={ isBusy || report.isLoading }
							onFix={ openFix }
						/>

						<h3>{ __( 'Permissions', 'civikey' ) }</h3>
						<PermissionTable
							rows={ report.data.permissions }
							who={ who }
						/>

						{ report.data.warnings.length > 0 && (
							<>
								<h3>{ __( 'Least privilege', 'civikey' ) }</h3>
								{ report.data.warnings.map( ( warning ) => (
									<Notice
										key={ warning.id }
										status="warning"
										isDismissible={ false }
										spokenMessage={ null }
									>
										{ warning.message }
									</Notice>
								) ) }
							</>
						) }
					</>
				) }

				<Flex justify="flex-start">
					<Button
						variant="secondary"
						onClick={ report.retry }
						disabled={ report.isLoading }
						accessibleWhenDisabled
						__next40pxDefaultSize
					>
						{ __( 'Check again', 'civikey' ) }
					</Button>
				</Flex>
			</CardBody>

			{ fix === 'create_user' && (
				<ConfirmDialog
					title={ sprintf(
						/* translators: %s: contact name and ID. */
						__( 'Create a WordPress user for %s?', 'civikey' ),
						label
					) }
					confirmLabel={ __( 'Create user', 'civikey' ) }
					isBusy={ isBusy }
					onConfirm={ createUser }
					onCancel={ closeFix }
				>
					<p>
						{ sprintf(
							/* translators: 1: WordPress login, 2: contact name and ID. */
							__(
								'Create WordPress user “%1$s” with no role and a random password nobody sees, linked to %2$s.',
								'civikey'
							),
							suggestLogin( contact.display_name, contact.id ),
							label
						) }
					</p>
					<p>
						{ contact.email
							? sprintf(
									/* translators: %s: email address. */
									__(
										'Its email address is the contact’s, %s, unless another user has it already; then it gets an address that receives no mail.',
										'civikey'
									),
									contact.email
								)
							: __(
									'It gets an email address that receives no mail, since the contact has none.',
									'civikey'
								) }
					</p>
					<p>
						{ __(
							'If that login is taken, a number is added to it. With no role, the user cannot use wp-admin or do anything in CiviCRM until you give it a dedicated role, the next fix.',
							'civikey'
						) }
					</p>
					{ fixError && <ErrorNotice error={ fixError } /> }
				</ConfirmDialog>
			) }

			{ fix === 'apply_role' && (
				<ConfirmDialog
					title={ sprintf(
						/* translators: %s: WordPress login. */
						__( 'Give “%s” a dedicated role?', 'civikey' ),
						userLogin ?? __( 'the user', 'civikey' )
					) }
					confirmLabel={ __( 'Give role', 'civikey' ) }
					isBusy={ isBusy }
					onConfirm={ applyRole }
					onCancel={ closeFix }
				>
					<p>
						{ sprintf(
							/* translators: 1: WordPress login, 2: contact name and ID, 3: role name, 4: quoted CiviCRM permission names. */
							__(
								'Give WordPress user “%1$s”, linked to %2$s, the role “%3$s”, holding exactly these CiviCRM permissions: %4$s.',
								'civikey'
							),
							userLogin ??
								String( report.data?.runs_as.user_id ?? '' ),
							label,
							sprintf(
								/* translators: %s: what the role allows, e.g. "Read contacts". */
								__( 'CiviCRM API client: %s', 'civikey' ),
								profileLabel
							),
							quoteList( rolePermissions )
						) }
					</p>
					<p>
						{ __(
							'A role with exactly these permissions is reused if it exists. The user keeps the roles it has: remove any that give more than the integration needs under Users.',
							'civikey'
						) }
					</p>
					{ fixError && <ErrorNotice error={ fixError } /> }
				</ConfirmDialog>
			) }

			{ fix === 'link_user' && (
				<LinkUserModal
					contact={ contact }
					onLinked={ onLinked }
					onClose={ closeFix }
				/>
			) }
		</Card>
	);
}

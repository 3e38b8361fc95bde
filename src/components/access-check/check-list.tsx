/**
 * WordPress dependencies
 */
import { Button, Flex } from '@wordpress/components';
import { useId } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AccessCheck, CheckStatus, FixId } from '../../api/access-types';
import { AUTHX_SETTINGS_URL, EXTENSIONS_URL } from './constants';
import type { CheckListProps, ConfirmedFix } from './types';

/**
 * The word that says how a check came out: the colour only repeats it.
 *
 * @param status Check status.
 * @return "Pass", "Problem", "Warning" or "Note".
 */
export function getMark( status: CheckStatus ): string {
	switch ( status ) {
		case 'pass':
			return __( 'Pass', 'civikey' );
		case 'fail':
			return __( 'Problem', 'civikey' );
		case 'warn':
			return __( 'Warning', 'civikey' );
	}
	return __( 'Note', 'civikey' );
}

interface CheckLineProps {
	check: AccessCheck;
	/** Whether this line shows its fix's controls (the first line with it). */
	showsFix: boolean;
	isBusy: boolean;
	onFix: ( fix: ConfirmedFix ) => void;
}

/**
 * The controls for a fix: buttons for what CiviKey can do (each asks first),
 * links to the CiviCRM screens for what it cannot.
 *
 * @param props             Component props.
 * @param props.fix         Fix.
 * @param props.describedBy ID of the check's sentence.
 * @param props.isBusy      Whether buttons wait.
 * @param props.onFix       Fix handler.
 */
function FixControls( {
	fix,
	describedBy,
	isBusy,
	onFix,
}: {
	fix: FixId;
	describedBy: string;
	isBusy: boolean;
	onFix: ( fix: ConfirmedFix ) => void;
} ) {
	const button = ( target: ConfirmedFix, label: string, primary = true ) => (
		<Button
			key={ target }
			variant={ primary ? 'primary' : 'secondary' }
			onClick={ () => onFix( target ) }
			disabled={ isBusy }
			accessibleWhenDisabled
			aria-describedby={ describedBy }
			__next40pxDefaultSize
		>
			{ label }
		</Button>
	);

	switch ( fix ) {
		case 'create_user':
			return (
				<Flex justify="flex-start" wrap>
					{ button(
						'create_user',
						__(
							'Create a WordPress user for this contact',
							'civikey'
						)
					) }
					{ button(
						'link_user',
						__( 'Link an existing user…', 'civikey' ),
						false
					) }
				</Flex>
			);
		case 'link_user':
			return button(
				'link_user',
				__( 'Link an existing user…', 'civikey' )
			);
		case 'apply_role':
			return button(
				'apply_role',
				__( 'Give the user a dedicated role', 'civikey' )
			);
		case 'open_extensions':
			return (
				<a href={ EXTENSIONS_URL } aria-describedby={ describedBy }>
					{ __( 'Open CiviCRM’s extensions', 'civikey' ) }
				</a>
			);
		case 'open_authx_settings':
			return (
				<a href={ AUTHX_SETTINGS_URL } aria-describedby={ describedBy }>
					{ __(
						'Open CiviCRM’s authentication settings',
						'civikey'
					) }
				</a>
			);
	}
	// restore_contact: only CiviCRM can; the sentence says how.
	return null;
}

/**
 * One check: its mark, what was found, how to fix it, and the fix.
 *
 * @param props          Component props.
 * @param props.check    Check.
 * @param props.showsFix Whether to show the fix's controls.
 * @param props.isBusy   Whether buttons wait.
 * @param props.onFix    Fix handler.
 */
function CheckLine( { check, showsFix, isBusy, onFix }: CheckLineProps ) {
	const messageId = useId();
	return (
		<li className={ `civikey-access-check__check is-${ check.status }` }>
			<p id={ messageId }>
				<strong className="civikey-access-check__mark">
					{ getMark( check.status ) }
				</strong>{ ' ' }
				{ check.message }
			</p>
			{ check.fix_how && (
				<p className="civikey-access-check__how">{ check.fix_how }</p>
			) }
			{ showsFix && check.fix && (
				<FixControls
					fix={ check.fix }
					describedBy={ messageId }
					isBusy={ isBusy }
					onFix={ onFix }
				/>
			) }
		</li>
	);
}

/**
 * The checks, one line each, in the order the server judged them. A fix
 * offered by several lines gets its buttons once, on the first.
 *
 * @param props        Component props.
 * @param props.checks Checks.
 * @param props.isBusy Whether fix buttons wait.
 * @param props.onFix  Fix handler.
 */
export default function CheckList( {
	checks,
	isBusy = false,
	onFix,
}: CheckListProps ) {
	const seen = new Set< FixId >();
	return (
		<ul
			className="civikey-access-check__checks"
			aria-label={ __( 'Checks', 'civikey' ) }
		>
			{ checks.map( ( check, index ) => {
				const showsFix = check.fix !== null && ! seen.has( check.fix );
				if ( check.fix ) {
					seen.add( check.fix );
				}
				return (
					<CheckLine
						key={ `${ check.id }-${ index }` }
						check={ check }
						showsFix={ showsFix }
						isBusy={ isBusy }
						onFix={ onFix }
					/>
				);
			} ) }
		</ul>
	);
}

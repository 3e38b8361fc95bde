/**
 * WordPress dependencies
 */
import { CheckboxControl, RadioControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { CUSTOM_PROFILE } from '../../api/access-types';
import type { AccessProfile } from '../../api/access-types';
import { ADMINISTER, AUTHENTICATE, REST_ACCESS } from './constants';
import type { ProfileChooserProps } from './types';

/**
 * Every permission a custom requirement may tick: those of all profiles,
 * plus the two the report always shows, in a stable order.
 *
 * @param profiles Profiles.
 * @return Permission names, REST access first.
 */
export function customPermissions( profiles: AccessProfile[] ): string[] {
	const all = new Set< string >( [ REST_ACCESS ] );
	for ( const profile of profiles ) {
		for ( const permission of profile.permissions ) {
			all.add( permission );
		}
	}
	all.add( AUTHENTICATE );
	// Last, so it is not ticked by a slip among the everyday ones.
	all.delete( ADMINISTER );
	all.add( ADMINISTER );
	return [ ...all ];
}

/**
 * Help below a permission that deserves a word.
 *
 * @param permission CiviCRM permission.
 * @return The help, or undefined.
 */
function permissionHelp( permission: string ): string | undefined {
	switch ( permission ) {
		case REST_ACCESS:
			return __(
				'Always needed: CiviCRM’s REST API requires it.',
				'civikey'
			);
		case AUTHENTICATE:
			return __(
				'Lets the key in without the site key. CiviKey’s role always includes it.',
				'civikey'
			);
		case ADMINISTER:
			return __(
				'Full control of CiviCRM. Tick it only if the integration really manages CiviCRM itself.',
				'civikey'
			);
	}
	return undefined;
}

/**
 * What the integration will do: a profile, or Custom with the CiviCRM
 * permissions ticked one by one.
 *
 * @param props                 Component props.
 * @param props.profiles        Profiles.
 * @param props.profile         Chosen profile name.
 * @param props.custom          Permissions ticked for Custom.
 * @param props.onProfileChange Profile change handler.
 * @param props.onCustomChange  Custom permissions change handler.
 */
export default function ProfileChooser( {
	profiles,
	profile,
	custom,
	onProfileChange,
	onCustomChange,
}: ProfileChooserProps ) {
	const options = [
		...profiles.map( ( { name, label, description } ) => ( {
			label,
			value: name,
			description,
		} ) ),
		{
			label: __( 'Custom', 'civikey' ),
			value: CUSTOM_PROFILE,
			description: __(
				'Choose the CiviCRM permissions yourself.',
				'civikey'
			),
		},
	];

	const toggle = ( permission: string, isTicked: boolean ) =>
		onCustomChange(
			isTicked
				? [ ...custom, permission ]
				: custom.filter( ( ticked ) => ticked !== permission )
		);

	return (
		<div className="civikey-access-check__profile">
			<RadioControl
				label={ __( 'What will the integration do?', 'civikey' ) }
				selected={ profile }
				options={ options }
				onChange={ onProfileChange }
			/>
			{ profile === CUSTOM_PROFILE && (
				<fieldset className="civikey-access-check__custom">
					<legend>
						{ __( 'CiviCRM permissions it needs', 'civikey' ) }
					</legend>
					{ customPermissions( profiles ).map( ( permission ) => (
						<CheckboxControl
							key={ permission }
							label={ permission }
							help={ permissionHelp( permission ) }
							checked={
								permission === REST_ACCESS ||
								custom.includes( permission )
							}
							disabled={ permission === REST_ACCESS }
							onChange={ ( isTicked ) =>
								toggle( permission, isTicked )
							}
							__nextHasNoMarginBottom
						/>
					) ) }
				</fieldset>
			) }
		</div>
	);
}

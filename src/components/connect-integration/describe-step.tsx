/**
 * WordPress dependencies
 */
import { Button, TextControl } from '@wordpress/components';
import { useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import LoadingMessage from '../loading-message';
import ProfileChooser from '../access-check/profile-chooser';
import ErrorNotice from '../error-notice';
import { MAX_NAME_LENGTH } from './constants';
import StepCard from './step-card';
import type { DescribeStepProps } from './types';

/**
 * Step 1: the integration's name, and what it must do (a permission
 * profile, or the CiviCRM permissions one by one).
 *
 * @param props                   Component props.
 * @param props.headingRef        Ref to the heading.
 * @param props.choice            What the admin entered so far.
 * @param props.onChange          Change handler.
 * @param props.profiles          The profiles; null until loaded.
 * @param props.profilesError     Why they could not be loaded.
 * @param props.isLoadingProfiles Whether they are loading.
 * @param props.onRetryProfiles   Loads them again.
 * @param props.onBack            Leaves the flow.
 * @param props.onNext            Goes on to the review.
 */
export default function DescribeStep( {
	headingRef,
	choice,
	onChange,
	profiles,
	profilesError,
	isLoadingProfiles,
	onRetryProfiles,
	onBack,
	onNext,
}: DescribeStepProps ) {
	const [ nameError, setNameError ] = useState< string | null >( null );
	const nameRef = useRef< HTMLInputElement >( null );

	const submit = () => {
		if ( choice.name.trim() === '' ) {
			setNameError(
				__(
					'Give the integration a name, for example Zapier or Mailing sync.',
					'civikey'
				)
			);
			nameRef.current?.focus();
			return;
		}
		if ( profiles ) {
			onNext();
		}
	};

	return (
		<StepCard
			number={ 1 }
			title={ __( 'Name the integration', 'civikey' ) }
			headingRef={ headingRef }
			onSubmit={ submit }
			actions={
				<>
					<Button
						variant="secondary"
						onClick={ onBack }
						__next40pxDefaultSize
					>
						{ __( 'Back', 'civikey' ) }
					</Button>
					<Button
						variant="primary"
						type="submit"
						disabled={ ! profiles }
						accessibleWhenDisabled
						__next40pxDefaultSize
					>
						{ __( 'Review', 'civikey' ) }
					</Button>
				</>
			}
		>
			<p>
				{ __(
					'CiviKey will create a contact for the integration, a WordPress user linked to it, a role with exactly the permissions it needs, and a key, then test the key.',
					'civikey'
				) }
			</p>
			<TextControl
				ref={ nameRef }
				label={ __( 'Integration name', 'civikey' ) }
				help={
					nameError ??
					sprintf(
						/* translators: %d: maximum number of characters. */
						__(
							'The service it is for, e.g. Zapier. The contact, user and role are named after it. Up to %d characters.',
							'civikey'
						),
						MAX_NAME_LENGTH
					)
				}
				aria-invalid={ nameError ? true : undefined }
				value={ choice.name }
				onChange={ ( name: string ) => {
					setNameError( null );
					onChange( { ...choice, name } );
				} }
				maxLength={ MAX_NAME_LENGTH }
				autoComplete="off"
				__next40pxDefaultSize
				__nextHasNoMarginBottom
			/>

			{ isLoadingProfiles && ! profiles && (
				<LoadingMessage>
					{ __( 'Loading what integrations can do…', 'civikey' ) }
				</LoadingMessage>
			) }
			{ profilesError && (
				<ErrorNotice
					error={ profilesError }
					onRetry={ onRetryProfiles }
					isRetrying={ isLoadingProfiles }
				/>
			) }
			{ profiles && (
				<ProfileChooser
					profiles={ profiles }
					profile={ choice.profile }
					custom={ choice.custom }
					onProfileChange={ ( profile ) =>
						onChange( { ...choice, profile } )
					}
					onCustomChange={ ( custom ) =>
						onChange( { ...choice, custom } )
					}
				/>
			) }
		</StepCard>
	);
}

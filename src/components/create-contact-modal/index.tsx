/**
 * External dependencies
 */
import type { FormEvent } from 'react';

/**
 * WordPress dependencies
 */
import {
	Button,
	Flex,
	Modal,
	RadioControl,
	TextControl,
} from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { createServiceContact } from '../../api/client';
import type { ApiError, ServiceContactType } from '../../api/types';
import ErrorNotice from '../error-notice';
import type { CreateContactModalProps } from './types';

/** Longest name the server accepts. */
const MAX_NAME_LENGTH = 64;

function isServiceContactType( value: string ): value is ServiceContactType {
	return value === 'Organization' || value === 'Individual';
}

/**
 * A button that opens a dialog to create a service contact: a CiviCRM contact
 * standing for an outside service, so its key is not tied to a person.
 *
 * @param props           Component props.
 * @param props.onCreated Called with the new contact.
 */
export default function CreateContactModal( {
	onCreated,
}: CreateContactModalProps ) {
	const [ isOpen, setIsOpen ] = useState( false );
	const [ name, setName ] = useState( '' );
	const [ type, setType ] = useState< ServiceContactType >( 'Organization' );
	const [ nameProblem, setNameProblem ] = useState< string | null >( null );
	const [ error, setError ] = useState< ApiError | null >( null );
	const [ isBusy, setIsBusy ] = useState( false );
	const nameRef = useRef< HTMLInputElement >( null );

	// Start on the name field once the dialog opens.
	useEffect( () => {
		if ( isOpen ) {
			nameRef.current?.focus();
		}
	}, [ isOpen ] );

	const open = () => {
		setName( '' );
		setType( 'Organization' );
		setNameProblem( null );
		setError( null );
		setIsOpen( true );
	};
	const close = () => {
		if ( ! isBusy ) {
			setIsOpen( false );
		}
	};

	const onSubmit = async ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		if ( isBusy ) {
			return;
		}
		const trimmed = name.trim();
		if ( trimmed === '' ) {
			setNameProblem(
				__(
					'Enter a name, such as the name of the service that will use the key.',
					'civikey'
				)
			);
			nameRef.current?.focus();
			return;
		}
		setNameProblem( null );
		setError( null );
		setIsBusy( true );
		try {
			const contact = await createServiceContact( {
				contact_type: type,
				name: trimmed,
			} );
			setIsBusy( false );
			setIsOpen( false );
			onCreated( contact );
		} catch ( caught ) {
			setIsBusy( false );
			setError( caught as ApiError ); // The client rejects with ApiError.
		}
	};

	return (
		<>
			<Button variant="secondary" onClick={ open } __next40pxDefaultSize>
				{ __( 'Create a service contact', 'civikey' ) }
			</Button>
			{ isOpen && (
				<Modal
					title={ __( 'Create a service contact', 'civikey' ) }
					onRequestClose={ close }
					focusOnMount={ false }
					isDismissible={ ! isBusy }
					shouldCloseOnClickOutside={ ! isBusy }
					shouldCloseOnEsc={ ! isBusy }
				>
					<form onSubmit={ onSubmit } noValidate>
						<p>
							{ __(
								'A service contact stands for one outside service, such as Zapier or a mailing sync, so its key is not tied to a person and can be revoked on its own.',
								'civikey'
							) }
						</p>
						<TextControl
							ref={ nameRef }
							label={ __( 'Name', 'civikey' ) }
							help={
								nameProblem ??
								__(
									'Up to 64 characters, e.g. the name of the service.',
									'civikey'
								)
							}
							value={ name }
							onChange={ ( value ) => {
								setName( value );
								setNameProblem( null );
							} }
							maxLength={ MAX_NAME_LENGTH }
							aria-invalid={ nameProblem ? true : undefined }
							required
							autoComplete="off"
							__next40pxDefaultSize
							__nextHasNoMarginBottom
						/>
						<RadioControl
							label={ __( 'Contact type', 'civikey' ) }
							selected={ type }
							options={ [
								{
									label: __( 'Organization', 'civikey' ),
									value: 'Organization',
								},
								{
									label: __( 'Individual', 'civikey' ),
									value: 'Individual',
								},
							] }
							onChange={ ( value ) => {
								if ( isServiceContactType( value ) ) {
									setType( value );
								}
							} }
						/>
						{ error && <ErrorNotice error={ error } /> }
						<Flex justify="flex-end">
							<Button
								variant="tertiary"
								onClick={ close }
								disabled={ isBusy }
								accessibleWhenDisabled
								__next40pxDefaultSize
							>
								{ __( 'Cancel', 'civikey' ) }
							</Button>
							<Button
								type="submit"
								variant="primary"
								isBusy={ isBusy }
								disabled={ isBusy }
								accessibleWhenDisabled
								__next40pxDefaultSize
							>
								{ __( 'Create contact', 'civikey' ) }
							</Button>
						</Flex>
					</form>
				</Modal>
			) }
		</>
	);
}

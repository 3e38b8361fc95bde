/**
 * WordPress dependencies
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Flex,
	RadioControl,
	RangeControl,
	TextControl,
} from '@wordpress/components';
import { useId, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { revokeContactKey, setContactKey } from '../../api/client';
import type { ApiError } from '../../api/types';
import {
	DEFAULT_KEY_LENGTH,
	generateKey,
	MAX_KEY_LENGTH,
	MIN_KEY_LENGTH,
	validateKey,
} from '../../keys';
import { getContactLabel } from '../../utils/contact';
import ConfirmDialog from '../confirm-dialog';
import ErrorNotice from '../error-notice';
import type { KeyEditorProps, KeySource } from './types';

/** Error codes meaning the page's idea of the contact's key is out of date. */
const STALE_CODES = [ 'civikey_key_exists', 'civikey_no_key' ];

/**
 * Length from the range control, which may report nothing while the number
 * field is being edited.
 *
 * @param value Reported value.
 * @return A length from 20 to 32.
 */
function toLength( value: number | undefined ): number {
	if ( typeof value !== 'number' || ! Number.isInteger( value ) ) {
		return DEFAULT_KEY_LENGTH;
	}
	return Math.min( MAX_KEY_LENGTH, Math.max( MIN_KEY_LENGTH, value ) );
}

/**
 * Gives the contact a key, replaces it, or revokes it.
 *
 * The key is generated in the browser (or pasted, and checked as it is
 * typed), and sent only after a dialog that names the contact. Replacing an
 * existing key is confirmed separately, and only then is `replace: true`
 * sent. Every button waits while a request runs.
 *
 * @param props           Component props.
 * @param props.contact   Contact.
 * @param props.onSaved   Called with the change and the key once saved.
 * @param props.onRevoked Called with the change once revoked.
 * @param props.onStale   Called when the contact should be reloaded.
 */
export default function KeyEditor( {
	contact,
	onSaved,
	onRevoked,
	onStale,
}: KeyEditorProps ) {
	const headingId = useId();
	const pastedId = useId();
	const problemsId = useId();

	const [ source, setSource ] = useState< KeySource >( 'generate' );
	const [ length, setLength ] = useState( DEFAULT_KEY_LENGTH );
	const [ generated, setGenerated ] = useState( () =>
		generateKey( DEFAULT_KEY_LENGTH )
	);
	const [ pasted, setPasted ] = useState( '' );
	const [ dialog, setDialog ] = useState< 'save' | 'revoke' | null >( null );
	const [ isBusy, setIsBusy ] = useState( false );
	const [ error, setError ] = useState< ApiError | null >( null );

	const label = getContactLabel( contact );
	const hasKey = contact.key.status === 'set';
	const mayHaveKey = hasKey || contact.key.status === 'hidden';
	const key = source === 'generate' ? generated : pasted;
	const validation = validateKey( key );
	const problems = validation.valid ? [] : validation.problems;
	const showProblems = source === 'paste' && pasted !== '';

	const regenerate = ( nextLength = length ) => {
		setLength( nextLength );
		setGenerated( generateKey( nextLength ) );
	};

	const fail = ( caught: unknown ) => {
		const apiError = caught as ApiError; // The client rejects with ApiError.
		setIsBusy( false );
		setDialog( null );
		setError( apiError );
		if ( STALE_CODES.includes( apiError.code ) ) {
			onStale?.();
		}
	};

	const save = async () => {
		setIsBusy( true );
		setError( null );
		try {
			const change = await setContactKey( contact.id, key, {
				// Only after the dialog that warned about replacing.
				replace: mayHaveKey,
			} );
			setIsBusy( false );
			setDialog( null );
			// From here on only the new-key notice holds the key.
			setPasted( '' );
			setGenerated( generateKey( length ) );
			onSaved( change, key );
		} catch ( caught ) {
			fail( caught );
		}
	};

	const revoke = async () => {
		setIsBusy( true );
		setError( null );
		try {
			const change = await revokeContactKey( contact.id );
			setIsBusy( false );
			setDialog( null );
			onRevoked( change );
		} catch ( caught ) {
			fail( caught );
		}
	};

	let saveTitle: string;
	let saveWarning: string;
	if ( hasKey ) {
		saveTitle = sprintf(
			/* translators: %s: contact name and ID. */
			__( 'Replace the key of %s?', 'civikey' ),
			label
		);
		saveWarning = __(
			'Whatever uses the old key stops working as soon as you replace it. Update every service that uses it with the new key right away.',
			'civikey'
		);
	} else if ( mayHaveKey ) {
		saveTitle = sprintf(
			/* translators: %s: contact name and ID. */
			__( 'Save a key on %s?', 'civikey' ),
			label
		);
		saveWarning = __(
			'CiviCRM does not let you see whether this contact already has a key. If it has one, it is replaced, and whatever uses the old key stops working.',
			'civikey'
		);
	} else {
		saveTitle = sprintf(
			/* translators: %s: contact name and ID. */
			__( 'Give %s this key?', 'civikey' ),
			label
		);
		saveWarning = '';
	}

	return (
		<Card
			as="section"
			className="civikey-key-editor"
			aria-labelledby={ headingId }
		>
			<CardHeader>
				<h2 id={ headingId }>
					{ hasKey && __( 'Replace or revoke the key', 'civikey' ) }
					{ ! hasKey &&
						mayHaveKey &&
						__( 'Set or revoke the key', 'civikey' ) }
					{ ! mayHaveKey &&
						__( 'Give this contact a key', 'civikey' ) }
				</h2>
			</CardHeader>
			<CardBody>
				<RadioControl
					label={ __( 'New key', 'civikey' ) }
					selected={ source }
					options={ [
						{
							label: __(
								'Generate a key in this browser (recommended)',
								'civikey'
							),
							value: 'generate',
						},
						{
							label: __( 'Use a key I already have', 'civikey' ),
							value: 'paste',
						},
					] }
					onChange={ ( value ) =>
						setSource( value === 'paste' ? 'paste' : 'generate' )
					}
				/>

				{ source === 'generate' ? (
					<>
						<RangeControl
							label={ __( 'Length', 'civikey' ) }
							help={ __(
								'20 to 32 letters and digits. Longer is stronger; 32 is the most CiviCRM stores.',
								'civikey'
							) }
							value={ length }
							min={ MIN_KEY_LENGTH }
							max={ MAX_KEY_LENGTH }
							onChange={ ( value ) =>
								regenerate( toLength( value ) )
							}
							__next40pxDefaultSize
							__nextHasNoMarginBottom
						/>
						<TextControl
							className="civikey-key-field"
							label={ __( 'Generated key', 'civikey' ) }
							help={ __(
								'Made by your browser’s cryptographic random number generator. It leaves this page only when you save it.',
								'civikey'
							) }
							value={ generated }
							onChange={ () => {} }
							readOnly
							spellCheck={ false }
							__next40pxDefaultSize
							__nextHasNoMarginBottom
						/>
						<Button
							variant="secondary"
							onClick={ () => regenerate() }
							disabled={ isBusy }
							accessibleWhenDisabled
							__next40pxDefaultSize
						>
							{ __( 'Regenerate', 'civikey' ) }
						</Button>
					</>
				) : (
					<>
						<TextControl
							id={ pastedId }
							className="civikey-key-field"
							label={ __( 'Existing key', 'civikey' ) }
							help={ __(
								'20 to 32 letters (A–Z, a–z) and digits (0–9). Spaces and symbols such as + / = & ? get mangled in headers and URLs.',
								'civikey'
							) }
							value={ pasted }
							onChange={ setPasted }
							aria-describedby={ `${ pastedId }__help ${ problemsId }` }
							aria-invalid={
								showProblems && ! validation.valid
									? true
									: undefined
							}
							autoComplete="off"
							spellCheck={ false }
							__next40pxDefaultSize
							__nextHasNoMarginBottom
						/>
						<div
							id={ problemsId }
							className="civikey-key-editor__problems"
							aria-live="polite"
						>
							{ showProblems && problems.length > 0 && (
								<ul>
									{ problems.map( ( problem ) => (
										<li key={ problem.code }>
											{ problem.message }
										</li>
									) ) }
								</ul>
							) }
						</div>
					</>
				) }

				{ error && <ErrorNotice error={ error } /> }

				<Flex
					justify="flex-start"
					className="civikey-key-editor__actions"
				>
					<Button
						variant="primary"
						onClick={ () => setDialog( 'save' ) }
						disabled={ ! validation.valid || isBusy }
						accessibleWhenDisabled
						__next40pxDefaultSize
					>
						{ hasKey
							? __( 'Replace key…', 'civikey' )
							: __( 'Save key…', 'civikey' ) }
					</Button>
					{ mayHaveKey && (
						<Button
							variant="secondary"
							isDestructive
							onClick={ () => setDialog( 'revoke' ) }
							disabled={ isBusy }
							accessibleWhenDisabled
							__next40pxDefaultSize
						>
							{ __( 'Revoke key…', 'civikey' ) }
						</Button>
					) }
				</Flex>
			</CardBody>

			{ dialog === 'save' && (
				<ConfirmDialog
					title={ saveTitle }
					confirmLabel={
						mayHaveKey
							? __( 'Replace key', 'civikey' )
							: __( 'Save key', 'civikey' )
					}
					isDestructive={ mayHaveKey }
					isBusy={ isBusy }
					onConfirm={ save }
					onCancel={ () => setDialog( null ) }
				>
					{ saveWarning !== '' && (
						<p>
							<strong>{ saveWarning }</strong>
						</p>
					) }
					<p>
						{ sprintf(
							/* translators: %s: contact name and ID. */
							__(
								'The key is saved on %s. You will see it once, right after saving: copy it then.',
								'civikey'
							),
							label
						) }
					</p>
				</ConfirmDialog>
			) }

			{ dialog === 'revoke' && (
				<ConfirmDialog
					title={ sprintf(
						/* translators: %s: contact name and ID. */
						__( 'Revoke the key of %s?', 'civikey' ),
						label
					) }
					confirmLabel={ __( 'Revoke key', 'civikey' ) }
					isDestructive
					isBusy={ isBusy }
					onConfirm={ revoke }
					onCancel={ () => setDialog( null ) }
				>
					<p>
						<strong>
							{ __(
								'Whatever uses the old key stops working immediately.',
								'civikey'
							) }
						</strong>
					</p>
					<p>
						{ __(
							'The contact has no key until you give it a new one. This cannot be undone.',
							'civikey'
						) }
					</p>
				</ConfirmDialog>
			) }
		</Card>
	);
}

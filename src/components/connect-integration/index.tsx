/**
 * WordPress dependencies
 */
import { Flex } from '@wordpress/components';
import {
	useCallback,
	useEffect,
	useMemo,
	useRef,
	useState,
} from '@wordpress/element';

/**
 * Internal dependencies
 */
import { getProfiles, testContactKey } from '../../api/access';
import { CUSTOM_PROFILE, type AccessRequirement } from '../../api/access-types';
import type {
	IntegrationPlan,
	IntegrationRequest,
	IntegrationResult,
	IntegrationSetupError,
} from '../../api/integration-types';
import { createIntegration } from '../../api/integrations';
import type { ApiError } from '../../api/types';
import useApiRequest from '../../hooks/use-api-request';
import useBeforeUnload from '../../hooks/use-before-unload';
import {
	DEFAULT_KEY_LENGTH,
	MAX_KEY_LENGTH,
	MIN_KEY_LENGTH,
	generateKey,
} from '../../keys';
import {
	AUTHENTICATE,
	DEFAULT_PROFILE,
	REST_ACCESS,
} from '../access-check/constants';
import UsageHelp from '../usage-help';
import CreateStep from './create-step';
import DescribeStep from './describe-step';
import KeyStep from './key-step';
import ReviewStep from './review-step';
import Summary from './summary';
import type {
	ConnectIntegrationProps,
	FlowStep,
	IntegrationChoice,
	LiveTest,
} from './types';

const EMPTY_CHOICE: IntegrationChoice = {
	name: '',
	profile: DEFAULT_PROFILE,
	custom: [],
};

const NO_TEST: LiveTest = { isTesting: false, result: null, error: null };

/**
 * The requirement a choice stands for: a profile, or Custom with REST access
 * always included (as the "Will this key work?" panel does).
 *
 * @param choice What the admin chose.
 * @return The requirement.
 */
export function toRequirement( choice: IntegrationChoice ): AccessRequirement {
	if ( choice.profile !== CUSTOM_PROFILE ) {
		return { profile: choice.profile };
	}
	return {
		profile: CUSTOM_PROFILE,
		permissions: [
			REST_ACCESS,
			...choice.custom.filter(
				( permission ) => permission !== REST_ACCESS
			),
		],
	};
}

/**
 * The key length to generate: the plan's, when it is one CiviKey allows.
 *
 * @param plan The plan.
 * @return Number of characters.
 */
function keyLength( plan: IntegrationPlan ): number {
	return Number.isInteger( plan.key_length ) &&
		plan.key_length >= MIN_KEY_LENGTH &&
		plan.key_length <= MAX_KEY_LENGTH
		? plan.key_length
		: DEFAULT_KEY_LENGTH;
}

/**
 * "Connect a new integration": from a name to a live-tested,
 * least-privilege key, in four steps on the page, each with Back where going
 * back makes sense, then a summary.
 *
 * 1. Name the integration and choose what it must do.
 * 2. Review what the server plans to create (nothing changes yet).
 * 3. Create it all in one request; on failure the server undoes this run,
 *    and the step says what failed and what was undone.
 * 4. The key once, with Copy, and the live test run at once.
 *
 * Focus moves to each step's heading. While the key is on screen, leaving
 * the page asks first. Loaded on first use, in a script of its own.
 *
 * @param props                 Component props.
 * @param props.onClose         Leaves the flow.
 * @param props.onManageContact Manages a contact in the Keys view.
 * @param props.onKeyShown      Told when the key appears and goes.
 */
export default function ConnectIntegration( {
	onClose,
	onManageContact,
	onKeyShown,
}: ConnectIntegrationProps ) {
	const [ step, setStep ] = useState< FlowStep >( 'describe' );
	const [ choice, setChoice ] = useState< IntegrationChoice >( EMPTY_CHOICE );
	const [ plan, setPlan ] = useState< IntegrationPlan | null >( null );
	const [ isCreating, setIsCreating ] = useState( false );
	const [ failure, setFailure ] = useState< IntegrationSetupError | null >(
		null
	);
	const [ result, setResult ] = useState< IntegrationResult | null >( null );
	const [ apiKey, setApiKey ] = useState< string | null >( null );
	const [ isCopied, setIsCopied ] = useState( false );
	const [ test, setTest ] = useState< LiveTest >( NO_TEST );

	const headingRef = useRef< HTMLHeadingElement >( null );
	const testController = useRef< AbortController | null >( null );

	const profiles = useApiRequest( getProfiles );

	// Each step's heading takes focus when the step appears, so keyboard and
	// screen reader users start reading at the top of it.
	useEffect( () => {
		headingRef.current?.focus();
	}, [ step ] );

	// A test still running when the flow goes is not waited for.
	useEffect( () => () => testController.current?.abort(), [] );

	const isKeyShown = step === 'key' && apiKey !== null;
	useBeforeUnload( isKeyShown );
	useEffect( () => onKeyShown?.( isKeyShown ), [ onKeyShown, isKeyShown ] );

	// Stable while the choice is, so the review loads its plan once.
	const customKey = choice.custom.join( '\n' );
	const request = useMemo< IntegrationRequest >(
		() => ( {
			name: choice.name.trim(),
			requirement: toRequirement( {
				...choice,
				custom: customKey === '' ? [] : customKey.split( '\n' ),
			} ),
		} ),
		// `choice` itself changes identity on every keystroke.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[ choice.name, choice.profile, customKey ]
	);

	const runTest = useCallback( async ( contactId: number, key: string ) => {
		testController.current?.abort();
		const controller = new AbortController();
		testController.current = controller;
		setTest( { isTesting: true, result: null, error: null } );
		try {
			const outcome = await testContactKey( contactId, key, {
				signal: controller.signal,
			} );
			if ( ! controller.signal.aborted ) {
				setTest( { isTesting: false, result: outcome, error: null } );
			}
		} catch ( caught ) {
			if ( ! controller.signal.aborted ) {
				setTest( {
					isTesting: false,
					result: null,
					// The client rejects with an ApiError.
					error: caught as ApiError,
				} );
			}
		}
	}, [] );

	const create = async ( agreed: IntegrationPlan ) => {
		if ( isCreating ) {
			return;
		}
		setPlan( agreed );
		setStep( 'create' );
		setFailure( null );
		setIsCreating( true );
		let key: string;
		try {
			// A new key for every attempt: nothing of a failed one is kept.
			key = generateKey( keyLength( agreed ) );
		} catch ( caught ) {
			setFailure( {
				code: 'civikey_key_generation',
				message: ( caught as Error ).message,
				step: 'validate',
				undone: [],
				leftBehind: [],
			} );
			setIsCreating( false );
			return;
		}
		try {
			const created = await createIntegration( request, key );
			setResult( created );
			setApiKey( key );
			setIsCopied( false );
			setStep( 'key' );
			runTest( created.contact.id, key );
		} catch ( caught ) {
			// The client rejects with an IntegrationSetupError.
			setFailure( caught as IntegrationSetupError );
		}
		setIsCreating( false );
	};

	const startAgain = () => {
		setChoice( EMPTY_CHOICE );
		setPlan( null );
		setFailure( null );
		setResult( null );
		setApiKey( null );
		setTest( NO_TEST );
		setStep( 'describe' );
	};

	let content;
	switch ( step ) {
		case 'review':
			content = (
				<ReviewStep
					headingRef={ headingRef }
					request={ request }
					onBack={ () => setStep( 'describe' ) }
					onCreate={ create }
					onManageContact={ onManageContact }
				/>
			);
			break;
		case 'create':
			content = plan && (
				<CreateStep
					headingRef={ headingRef }
					plan={ plan }
					isCreating={ isCreating }
					failure={ failure }
					onBack={ () => setStep( 'review' ) }
					onRetry={ () => create( plan ) }
				/>
			);
			break;
		case 'key':
			content = result && apiKey && (
				<>
					<KeyStep
						headingRef={ headingRef }
						result={ result }
						apiKey={ apiKey }
						isCopied={ isCopied }
						onCopied={ () => setIsCopied( true ) }
						test={ test }
						onTestAgain={ () =>
							runTest( result.contact.id, apiKey )
						}
						onDone={ () => {
							setApiKey( null );
							setStep( 'summary' );
						} }
					/>
					<UsageHelp
						apiKey={ apiKey }
						// The role made for the integration lets its user
						// "authenticate with api key" when the plan says so.
						needsSiteKey={
							plan?.permissions.includes( AUTHENTICATE )
								? false
								: null
						}
					/>
				</>
			);
			break;
		case 'summary':
			content = result && (
				<Summary
					headingRef={ headingRef }
					result={ result }
					test={ test }
					onManageContact={ onManageContact }
					onAnother={ startAgain }
					onClose={ onClose }
				/>
			);
			break;
		default:
			content = (
				<DescribeStep
					headingRef={ headingRef }
					choice={ choice }
					onChange={ setChoice }
					profiles={ profiles.data }
					profilesError={ profiles.error }
					isLoadingProfiles={ profiles.isLoading }
					onRetryProfiles={ profiles.retry }
					onBack={ onClose }
					onNext={ () => setStep( 'review' ) }
				/>
			);
	}

	return (
		<Flex
			direction="column"
			align="stretch"
			gap={ 4 }
			className="civikey-connect"
		>
			{ content }
		</Flex>
	);
}

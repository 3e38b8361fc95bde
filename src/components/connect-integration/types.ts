/**
 * External dependencies
 */
import type { ReactNode, RefObject } from 'react';

/**
 * Internal dependencies
 */
import type { AccessProfile, KeyTestResult } from '../../api/access-types';
import type {
	IntegrationPlan,
	IntegrationRequest,
	IntegrationResult,
	IntegrationSetupError,
} from '../../api/integration-types';
import type { ApiError } from '../../api/types';

export interface ConnectIntegrationProps {
	/** Called when the admin leaves the flow for the Keys view. */
	onClose: () => void;
	/** Called to manage a contact in the Keys view (leaves the flow). */
	onManageContact: ( contactId: number ) => void;
	/**
	 * Called with true when the new key appears, false when it goes, so the
	 * page does not close the flow under an uncopied key.
	 */
	onKeyShown?: ( isShown: boolean ) => void;
}

/** Where the admin is in the flow; `summary` comes after the four steps. */
export type FlowStep = 'describe' | 'review' | 'create' | 'key' | 'summary';

export interface ConnectEntryProps {
	/** Opens the flow. */
	onStart: () => void;
}

export interface StepCardProps {
	/** Step number, 1 to 4; none for the summary. */
	number?: number;
	/** What the step is about, e.g. "Review what will be created". */
	title: string;
	/** Focus moves to the heading when the step appears. */
	headingRef: RefObject< HTMLHeadingElement >;
	children: ReactNode;
	/** Buttons at the bottom: Back first, then the way forward. */
	actions: ReactNode;
	/** Called on submit (Enter in a field); the card is then a form. */
	onSubmit?: () => void;
}

/** What the admin entered in step 1; kept when they go Back. */
export interface IntegrationChoice {
	name: string;
	/** A profile name, or `custom`. */
	profile: string;
	/** Permissions ticked for the custom profile. */
	custom: string[];
}

export interface DescribeStepProps {
	headingRef: RefObject< HTMLHeadingElement >;
	choice: IntegrationChoice;
	onChange: ( choice: IntegrationChoice ) => void;
	/** The profiles; null while they load or when they could not. */
	profiles: AccessProfile[] | null;
	profilesError: ApiError | null;
	isLoadingProfiles: boolean;
	onRetryProfiles: () => void;
	onBack: () => void;
	onNext: () => void;
}

export interface ReviewStepProps {
	headingRef: RefObject< HTMLHeadingElement >;
	request: IntegrationRequest;
	onBack: () => void;
	/** Called with the plan the admin agreed to. */
	onCreate: ( plan: IntegrationPlan ) => void;
	onManageContact: ( contactId: number ) => void;
}

export interface CreateStepProps {
	headingRef: RefObject< HTMLHeadingElement >;
	/** The plan being carried out. */
	plan: IntegrationPlan;
	isCreating: boolean;
	/** Why the last attempt failed; null while it runs. */
	failure: IntegrationSetupError | null;
	onBack: () => void;
	onRetry: () => void;
}

/** The live test of the new key. */
export interface LiveTest {
	isTesting: boolean;
	result: KeyTestResult | null;
	error: ApiError | null;
}

export interface KeyStepProps {
	headingRef: RefObject< HTMLHeadingElement >;
	result: IntegrationResult;
	/** The key, shown here once. */
	apiKey: string;
	isCopied: boolean;
	onCopied: () => void;
	test: LiveTest;
	onTestAgain: () => void;
	/** The admin has copied the key: forget it, show the summary. */
	onDone: () => void;
}

export interface SummaryProps {
	headingRef: RefObject< HTMLHeadingElement >;
	result: IntegrationResult;
	test: LiveTest;
	onManageContact: ( contactId: number ) => void;
	onAnother: () => void;
	onClose: () => void;
}

export interface LiveTestOutcomeProps {
	test: LiveTest;
	/** The contact the key should authenticate as. */
	contactId: number;
}

/**
 * External dependencies
 */
import type { FormEvent } from 'react';

/**
 * WordPress dependencies
 */
import {
	Card,
	CardBody,
	CardFooter,
	CardHeader,
	Flex,
} from '@wordpress/components';
import { useId } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { STEP_COUNT } from './constants';
import type { StepCardProps } from './types';

/**
 * One step of the flow, as a card in the page (not a modal, so that it reads
 * top to bottom at any width): a heading saying which step of how many,
 * focusable so the flow can move focus to it, the content, and the buttons.
 *
 * With `onSubmit`, the card is a form, so Enter in a field goes forward.
 *
 * @param props            Component props.
 * @param props.number     Step number; none for the summary.
 * @param props.title      What the step is about.
 * @param props.headingRef Ref to the heading.
 * @param props.children   Content.
 * @param props.actions    Buttons.
 * @param props.onSubmit   Submit handler.
 */
export default function StepCard( {
	number,
	title,
	headingRef,
	children,
	actions,
	onSubmit,
}: StepCardProps ) {
	const headingId = useId();
	const heading =
		number === undefined
			? title
			: sprintf(
					/* translators: 1: step number, 2: number of steps, 3: what the step is about. */
					__( 'Step %1$d of %2$d: %3$s', 'civikey' ),
					number,
					STEP_COUNT,
					title
				);

	const content = (
		<>
			<CardBody>
				<Flex direction="column" align="stretch" gap={ 3 }>
					{ children }
				</Flex>
			</CardBody>
			<CardFooter>
				<Flex justify="flex-start" wrap>
					{ actions }
				</Flex>
			</CardFooter>
		</>
	);

	return (
		<Card
			as="section"
			className="civikey-connect__step"
			aria-labelledby={ headingId }
		>
			<CardHeader>
				<h2 id={ headingId } ref={ headingRef } tabIndex={ -1 }>
					{ heading }
				</h2>
			</CardHeader>
			{ onSubmit ? (
				<form
					noValidate
					onSubmit={ ( event: FormEvent ) => {
						event.preventDefault();
						onSubmit();
					} }
				>
					{ content }
				</form>
			) : (
				content
			) }
		</Card>
	);
}

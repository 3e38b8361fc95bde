/**
 * WordPress dependencies
 */
import { Card, CardBody, CardHeader, Notice } from '@wordpress/components';
import { useId } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AccessStatus, AuthxStatus, CiviCrmStatus } from '../../api/types';
import type { StatusPanelProps, StatusRowProps } from './types';

/**
 * One term of the status list: its state in words, then any explanation.
 *
 * @param props          Component props.
 * @param props.label    Term.
 * @param props.value    State in words.
 * @param props.message  Explanation.
 * @param props.severity Notice severity for the explanation.
 */
function StatusRow( {
	label,
	value,
	message = '',
	severity = 'warning',
}: StatusRowProps ) {
	return (
		<>
			<dt>
				<strong>{ label }</strong>
			</dt>
			<dd>
				<p>{ value }</p>
				{ message !== '' && (
					<Notice
						status={ severity }
						isDismissible={ false }
						politeness="polite"
					>
						{ message }
					</Notice>
				) }
			</dd>
		</>
	);
}

function getCiviCrmRow( civicrm: CiviCrmStatus ): StatusRowProps {
	const label = __( 'CiviCRM', 'civikey' );

	switch ( civicrm.state ) {
		case 'ready':
			return {
				label,
				value: civicrm.version
					? sprintf(
							/* translators: %s: CiviCRM version number, e.g. 5.78.0. */
							__( 'Ready (version %s)', 'civikey' ),
							civicrm.version
						)
					: __( 'Ready', 'civikey' ),
			};
		case 'missing':
			return {
				label,
				value: __( 'Not found', 'civikey' ),
				message: civicrm.message,
				severity: 'error',
			};
		case 'not_installed':
			return {
				label,
				value: __( 'Not installed', 'civikey' ),
				message: civicrm.message,
			};
		default:
			return {
				label,
				value: __( 'Unavailable', 'civikey' ),
				message: civicrm.message,
			};
	}
}

function getAuthxRow( authx: AuthxStatus ): StatusRowProps {
	const label = __( 'AuthX', 'civikey' );

	switch ( authx.state ) {
		case 'enabled':
			return { label, value: __( 'Enabled', 'civikey' ) };
		case 'disabled':
			return {
				label,
				value: __( 'Disabled', 'civikey' ),
				message: authx.message,
			};
		case 'not_installed':
			return {
				label,
				value: __( 'Not installed', 'civikey' ),
				message: authx.message,
			};
		default:
			return {
				label,
				value: __( 'Unknown', 'civikey' ),
				message: authx.message,
				severity: 'info',
			};
	}
}

/**
 * Why the current user cannot manage keys, when the server gave no sentence.
 *
 * @param access Access status.
 * @return A translated sentence.
 */
function getAccessReason( access: AccessStatus ): string {
	if ( access.message !== '' ) {
		return access.message;
	}
	if ( ! access.has_capability ) {
		return sprintf(
			/* translators: %s: WordPress capability, e.g. manage_options. */
			__(
				'Your WordPress account does not have the %s capability.',
				'civikey'
			),
			access.capability
		);
	}
	if ( access.can_edit_api_keys === false ) {
		return __(
			'CiviCRM does not allow your contact to edit API keys.',
			'civikey'
		);
	}
	return __(
		'CiviKey can check your CiviCRM permissions once CiviCRM is ready.',
		'civikey'
	);
}

function getAccessRow( access: AccessStatus ): StatusRowProps {
	const label = __( 'Your access', 'civikey' );

	if ( access.can_manage_keys ) {
		return { label, value: __( 'You can manage API keys.', 'civikey' ) };
	}
	return {
		label,
		value: __( 'You cannot manage API keys.', 'civikey' ),
		message: getAccessReason( access ),
	};
}

/**
 * Card telling the admin whether CiviCRM, AuthX and their own account are
 * ready for API keys. Every state is spelled out in text. The card is a
 * region named by its heading.
 *
 * @param props        Component props.
 * @param props.status Status reported by the server.
 */
export default function StatusPanel( { status }: StatusPanelProps ) {
	const headingId = useId();
	const rows = [
		getCiviCrmRow( status.civicrm ),
		getAuthxRow( status.authx ),
		getAccessRow( status.access ),
	];

	return (
		<Card
			as="section"
			className="civikey-status-panel"
			aria-labelledby={ headingId }
		>
			<CardHeader>
				<h2 id={ headingId }>{ __( 'CiviCRM status', 'civikey' ) }</h2>
			</CardHeader>
			<CardBody>
				<dl className="civikey-status-panel__list">
					{ rows.map( ( row ) => (
						<StatusRow key={ row.label } { ...row } />
					) ) }
				</dl>
			</CardBody>
		</Card>
	);
}

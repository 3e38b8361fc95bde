/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { getStatus } from '../../api/client';
import type { ApiError } from '../../api/types';
import type { StatusRequest } from './types';

type Result = Omit< StatusRequest, 'retry' >;

/**
 * Loads `GET /civikey/v1/status` on mount and whenever `retry()` is called.
 *
 * A request still in flight when the component unmounts, or when a newer
 * request starts, is aborted and its answer ignored.
 *
 * @return The request state and a `retry` function.
 */
export default function useStatus(): StatusRequest {
	const [ attempt, setAttempt ] = useState( 0 );
	const [ result, setResult ] = useState< Result >( {
		status: null,
		error: null,
		isLoading: true,
	} );

	useEffect( () => {
		const controller = new AbortController();

		getStatus( { signal: controller.signal } ).then(
			( status ) => {
				if ( ! controller.signal.aborted ) {
					setResult( { status, error: null, isLoading: false } );
				}
			},
			( error: ApiError ) => {
				if ( ! controller.signal.aborted ) {
					setResult( { status: null, error, isLoading: false } );
				}
			}
		);

		return () => controller.abort();
	}, [ attempt ] );

	const retry = useCallback( () => {
		setResult( ( previous ) => ( { ...previous, isLoading: true } ) );
		setAttempt( ( previous ) => previous + 1 );
	}, [] );

	return { ...result, retry };
}

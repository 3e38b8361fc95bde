/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { ApiError, RequestOptions } from '../api/types';

/** What `useApiRequest()` returns. */
export interface ApiRequest< T > {
	/** The last answer; null until one arrives, or after a failure. */
	data: T | null;
	/** Why the last request failed; null when it succeeded. */
	error: ApiError | null;
	/** Whether a request is in flight. */
	isLoading: boolean;
	/** Requests again; the last result stays until the answer comes. */
	retry: () => void;
}

/**
 * Calls `load` on mount, whenever `key` changes and on `retry()`. A request
 * still in flight when a newer one starts, or when the component unmounts,
 * is aborted and its answer ignored.
 *
 * @param load A client function, e.g. `getConnection`. Keep it stable.
 * @param key  Loads again when it changes; `null` loads nothing.
 * @return The request state.
 */
export default function useApiRequest< T >(
	load: ( options: RequestOptions ) => Promise< T >,
	key: string | null = ''
): ApiRequest< T > {
	const [ attempt, setAttempt ] = useState( 0 );
	const [ state, setState ] = useState< Omit< ApiRequest< T >, 'retry' > >( {
		data: null,
		error: null,
		isLoading: key !== null,
	} );

	useEffect( () => {
		if ( key === null ) {
			setState( { data: null, error: null, isLoading: false } );
			return;
		}
		const controller = new AbortController();
		setState( ( previous ) => ( { ...previous, isLoading: true } ) );
		load( { signal: controller.signal } ).then(
			( data ) => {
				if ( ! controller.signal.aborted ) {
					setState( { data, error: null, isLoading: false } );
				}
			},
			( error: ApiError ) => {
				if ( ! controller.signal.aborted ) {
					setState( { data: null, error, isLoading: false } );
				}
			}
		);
		return () => controller.abort();
	}, [ load, key, attempt ] );

	const retry = useCallback( () => setAttempt( ( n ) => n + 1 ), [] );

	return { ...state, retry };
}

/**
 * External dependencies
 */
import type { jest } from '@jest/globals';

/** What the code under test passes to apiFetch. */
export interface FetchOptions {
	path: string;
	method?: string;
	data?: Record< string, unknown >;
	parse?: boolean;
	signal?: AbortSignal;
}

/** Answers one route: a value to resolve with, or a function computing it. */
export type RouteAnswer = unknown | ( ( options: FetchOptions ) => unknown );

export type MockApiFetch = jest.Mock<
	( options: unknown ) => Promise< unknown >
>;

/**
 * Makes the mocked apiFetch answer by route: keys are `METHOD /path` (the
 * path without its query string). A function answer is called with the
 * request options; whatever it throws (or a rejected promise it returns) is
 * how apiFetch rejects. A request to a route not listed is rejected with
 * `rest_no_route`, like WordPress does.
 *
 * @param mock   The mocked apiFetch.
 * @param routes Answers by route.
 */
export function routeApiFetch(
	mock: MockApiFetch,
	routes: Record< string, RouteAnswer >
): void {
	mock.mockImplementation( async ( raw: unknown ) => {
		const options = raw as FetchOptions;
		const route = `${ options.method ?? 'GET' } ${
			options.path.split( '?' )[ 0 ]
		}`;
		if ( ! ( route in routes ) ) {
			throw {
				code: 'rest_no_route',
				message: `No route was found for ${ route }.`,
				data: { status: 404 },
			};
		}
		const answer = routes[ route ];
		return typeof answer === 'function' ? answer( options ) : answer;
	} );
}

/**
 * The requests made to a route, in order.
 *
 * @param mock  The mocked apiFetch.
 * @param route `METHOD /path`.
 * @return Their options.
 */
export function callsTo( mock: MockApiFetch, route: string ): FetchOptions[] {
	return mock.mock.calls
		.map( ( [ options ] ) => options as FetchOptions )
		.filter(
			( options ) =>
				`${ options.method ?? 'GET' } ${
					options.path.split( '?' )[ 0 ]
				}` === route
		);
}

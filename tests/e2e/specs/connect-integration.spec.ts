/**
 * External dependencies
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Locator, type Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { shot } from '../support/screenshot';

/**
 * Counts what the admin does: every click, and every field typed into (one
 * action however many characters).
 */
class ActionCounter {
	clicks = 0;
	typed = 0;

	async click( target: Locator ): Promise< void > {
		this.clicks++;
		await target.click();
	}

	async fill( target: Locator, text: string ): Promise< void > {
		this.typed++;
		await target.fill( text );
	}
}

/**
 * How far the page scrolls sideways; 0 or less means it does not.
 *
 * @param page Page.
 * @return Extra width in pixels.
 */
async function pageOverflow( page: Page ): Promise< number > {
	return page.evaluate(
		() =>
			document.documentElement.scrollWidth -
			document.documentElement.clientWidth
	);
}

/**
 * Serious and critical axe-core violations inside CiviKey's part of the page.
 *
 * @param page Page.
 * @param what What is on screen, for the report.
 * @return One line per violation.
 */
async function seriousViolations(
	page: Page,
	what: string
): Promise< string[] > {
	const results = await new AxeBuilder( { page } )
		.include( '.civikey-wrap' )
		.analyze();
	return results.violations
		.filter( ( violation ) =>
			[ 'serious', 'critical' ].includes( violation.impact ?? '' )
		)
		.map(
			( violation ) =>
				`${ what }: ${ violation.id } (${ violation.impact }) — ${ violation.nodes
					.map( ( node ) => node.target.join( ' ' ) )
					.join( ', ' ) }`
		);
}

/**
 * Opens Tools → CiviKey on the Keys view, with no contact chosen.
 *
 * @param page Page.
 */
async function openKeysView( page: Page ): Promise< void > {
	await page.goto( '/wp-admin/tools.php?page=civikey#keys' );
	await expect(
		page.getByRole( 'region', { name: 'Choose a contact' } )
	).toBeVisible();
}

/**
 * Reads a CiviKey route as the logged-in admin, through WordPress's own
 * apiFetch (cookie and nonce), to check what the flow made.
 *
 * @param page Page.
 * @param path Route path.
 * @return The parsed body.
 */
async function readRoute( page: Page, path: string ): Promise< unknown > {
	return page.evaluate(
		( route ) =>
			(
				window as unknown as {
					wp: {
						apiFetch: ( options: {
							path: string;
						} ) => Promise< unknown >;
					};
				}
			 ).wp.apiFetch( { path: route } ),
		path
	);
}

/**
 * Presses Tab until `target` has focus (at most `limit` times).
 *
 * @param page   Page.
 * @param target What should get focus.
 * @param limit  Most Tab presses.
 */
async function tabTo(
	page: Page,
	target: Locator,
	limit = 40
): Promise< void > {
	for ( let presses = 0; presses < limit; presses++ ) {
		if (
			await target.evaluate(
				( element ) => element === element.ownerDocument.activeElement
			)
		) {
			return;
		}
		await page.keyboard.press( 'Tab' );
	}
	await expect( target ).toBeFocused();
}

test.describe( 'Connect a new integration', () => {
	test.use( { permissions: [ 'clipboard-read', 'clipboard-write' ] } );

	test( 'should go from an empty Keys view to a live-tested, least-privilege key, counting the clicks', async ( {
		page,
	} ) => {
		const name = `Zapier ${ Date.now() }`;
		const act = new ActionCounter();
		await openKeysView( page );

		await act.click(
			page.getByRole( 'button', { name: 'Connect a new integration' } )
		);
		await expect(
			page.getByRole( 'heading', {
				name: 'Step 1 of 4: Name the integration',
			} )
		).toBeFocused();
		await act.fill(
			page.getByRole( 'textbox', { name: 'Integration name' } ),
			name
		);
		// "Read contacts" is chosen already: the least an integration needs.
		await expect(
			page.getByRole( 'radio', { name: /^Read contacts/ } )
		).toBeChecked();
		await act.click( page.getByRole( 'button', { name: 'Review' } ) );

		await expect(
			page.getByRole( 'heading', {
				name: 'Step 2 of 4: Review what will be created',
			} )
		).toBeFocused();
		await expect(
			page.getByText( `“${ name }”, an organization` )
		).toBeVisible();
		await shot( page, 'connect-review', {
			scrollTo: 'Step 2 of 4',
		} );
		await act.click(
			page.getByRole( 'button', { name: 'Create everything' } )
		);

		await expect(
			page.getByRole( 'heading', { name: 'Step 4 of 4: Copy the key' } )
		).toBeFocused();
		const key = await page
			.getByRole( 'textbox', { name: 'New API key' } )
			.inputValue();
		expect( key ).toMatch( /^[A-Za-z0-9]{32}$/ );
		// The live test ran by itself.
		const outcome = page.getByText( /^It works: Authenticated as contact/ );
		await expect( outcome ).toBeVisible( { timeout: 20_000 } );
		const contactId = Number(
			/contact (\d+)/.exec( ( await outcome.textContent() ) ?? '' )?.[ 1 ]
		);
		expect( contactId ).toBeGreaterThan( 0 );
		await shot( page, 'connect-tested', { scrollTo: 'Step 4 of 4' } );
		// The ready request for this site holds the key.
		await expect(
			page
				.getByRole( 'region', { name: 'How to use this key' } )
				.getByText( `X-Civi-Auth: Bearer ${ key }` )
				.first()
		).toBeVisible();

		await act.click( page.getByRole( 'button', { name: 'Copy key' } ) );
		expect(
			await page.evaluate( () => navigator.clipboard.readText() )
		).toBe( key );
		await act.click(
			page.getByRole( 'button', { name: 'Done, I have copied it' } )
		);

		await expect(
			page.getByRole( 'heading', { name: `“${ name }” is connected` } )
		).toBeFocused();
		await expect( page.locator( 'body' ) ).not.toContainText( key );

		// eslint-disable-next-line no-console
		console.log(
			`Connect a new integration: clicks: ${ act.clicks }, fields typed: ${ act.typed }, actions: ${
				act.clicks + act.typed
			}`
		);
		expect( act.clicks ).toBe( 5 );
		expect( act.typed ).toBe( 1 );

		// What was made is least-privilege: the contact's user has only the
		// dedicated role, and the report says the key works for the job.
		const contact = ( await readRoute(
			page,
			`/civikey/v1/contacts/${ contactId }`
		) ) as {
			display_name: string;
			key: { status: string; fingerprint: { last4: string } };
			linked_user: { roles: string[] };
		};
		expect( contact.display_name ).toBe( name );
		expect( contact.key.status ).toBe( 'set' );
		expect( contact.key.fingerprint.last4 ).toBe( key.slice( -4 ) );
		expect( contact.linked_user.roles ).toHaveLength( 1 );
		expect( contact.linked_user.roles[ 0 ] ).not.toBe( 'administrator' );
		const report = ( await readRoute(
			page,
			`/civikey/v1/contacts/${ contactId }/report?profile=read_contacts`
		) ) as { verdict: string; warnings: unknown[] };
		expect( report.verdict ).toBe( 'works' );
		expect( report.warnings ).toEqual( [] );

		// From the summary to managing the contact in the Keys view.
		await page
			.getByRole( 'button', { name: 'Manage this contact in Keys' } )
			.click();
		await expect(
			page.getByRole( 'heading', { name, exact: true } )
		).toBeVisible();
		await expect(
			page.getByRole( 'region', { name: 'Choose a contact' } )
		).toBeVisible();
	} );

	test.describe( 'at 390 px wide, by keyboard alone', () => {
		test.use( { viewport: { width: 390, height: 844 } } );

		test( 'should reach a live-tested key without a mouse or sideways scrolling', async ( {
			page,
		} ) => {
			// One long word: the name, login and email must wrap anyway.
			const name = `PhoneSyncForTheRegionalNewsletterOffice${ Date.now() }`;
			await openKeysView( page );
			expect( await pageOverflow( page ) ).toBeLessThanOrEqual( 0 );

			const start = page.getByRole( 'button', {
				name: 'Connect a new integration',
			} );
			await tabTo( page, start );
			await page.keyboard.press( 'Enter' );

			// Step 1: focus on the heading, the name one Tab away, Enter goes on.
			await expect(
				page.getByRole( 'heading', {
					name: 'Step 1 of 4: Name the integration',
				} )
			).toBeFocused();
			expect( await pageOverflow( page ) ).toBeLessThanOrEqual( 0 );
			await page.keyboard.press( 'Tab' );
			await expect(
				page.getByRole( 'textbox', { name: 'Integration name' } )
			).toBeFocused();
			await page.keyboard.type( name );
			await page.keyboard.press( 'Enter' );

			// Step 2, then Back and forward again: the name is kept.
			const review = page.getByRole( 'heading', {
				name: 'Step 2 of 4: Review what will be created',
			} );
			await expect( review ).toBeFocused();
			await expect(
				page.getByText( `“${ name }”, an organization` )
			).toBeVisible();
			expect( await pageOverflow( page ) ).toBeLessThanOrEqual( 0 );
			await tabTo( page, page.getByRole( 'button', { name: 'Back' } ) );
			await page.keyboard.press( 'Enter' );
			await expect(
				page.getByRole( 'textbox', { name: 'Integration name' } )
			).toHaveValue( name );
			await tabTo( page, page.getByRole( 'button', { name: 'Review' } ) );
			await page.keyboard.press( 'Enter' );
			await expect( review ).toBeFocused();
			await expect(
				page.getByText( `“${ name }”, an organization` )
			).toBeVisible();
			await tabTo(
				page,
				page.getByRole( 'button', { name: 'Create everything' } )
			);
			await page.keyboard.press( 'Enter' );

			// Step 4.
			await expect(
				page.getByRole( 'heading', {
					name: 'Step 4 of 4: Copy the key',
				} )
			).toBeFocused();
			await expect(
				page.getByText( /^It works: Authenticated as contact/ )
			).toBeVisible( { timeout: 20_000 } );
			await expect(
				page.getByRole( 'region', { name: 'How to use this key' } )
			).toBeVisible();
			expect( await pageOverflow( page ) ).toBeLessThanOrEqual( 0 );
			const key = await page
				.getByRole( 'textbox', { name: 'New API key' } )
				.inputValue();
			await tabTo(
				page,
				page.getByRole( 'button', { name: 'Copy key' } )
			);
			await page.keyboard.press( 'Enter' );
			expect(
				await page.evaluate( () => navigator.clipboard.readText() )
			).toBe( key );
			await tabTo(
				page,
				page.getByRole( 'button', { name: 'Done, I have copied it' } )
			);
			await page.keyboard.press( 'Enter' );

			// The summary, then the contact in the Keys view.
			await expect(
				page.getByRole( 'heading', {
					name: `“${ name }” is connected`,
				} )
			).toBeFocused();
			expect( await pageOverflow( page ) ).toBeLessThanOrEqual( 0 );
			await tabTo(
				page,
				page.getByRole( 'button', {
					name: 'Manage this contact in Keys',
				} )
			);
			await page.keyboard.press( 'Enter' );
			await expect(
				page.getByRole( 'heading', { name, exact: true } )
			).toBeVisible();
			expect( await pageOverflow( page ) ).toBeLessThanOrEqual( 0 );
		} );
	} );

	test( 'should have no serious or critical accessibility violations on any step, a failure included', async ( {
		page,
	} ) => {
		const found: string[] = [];
		const name = `A11y setup ${ Date.now() }`;
		await openKeysView( page );
		found.push( ...( await seriousViolations( page, 'Keys view' ) ) );

		await page
			.getByRole( 'button', { name: 'Connect a new integration' } )
			.click();
		await expect(
			page.getByRole( 'radio', { name: /^Read contacts/ } )
		).toBeVisible();
		found.push( ...( await seriousViolations( page, 'Step 1' ) ) );
		await page.getByRole( 'radio', { name: /^Custom/ } ).check();
		found.push(
			...( await seriousViolations( page, 'Step 1, custom permissions' ) )
		);
		await page.getByRole( 'radio', { name: /^Read contacts/ } ).check();
		await page.getByRole( 'button', { name: 'Review' } ).click();
		// An empty name is refused in place.
		await expect(
			page.getByRole( 'textbox', { name: 'Integration name' } )
		).toHaveAttribute( 'aria-invalid', 'true' );
		found.push( ...( await seriousViolations( page, 'Step 1, no name' ) ) );
		await page
			.getByRole( 'textbox', { name: 'Integration name' } )
			.fill( name );
		await page.getByRole( 'button', { name: 'Review' } ).click();
		await expect(
			page.getByText( `“${ name }”, an organization` )
		).toBeVisible();
		found.push( ...( await seriousViolations( page, 'Step 2' ) ) );

		// A failure as the contract describes it, to see how step 3 shows it.
		const isCreate = ( url: URL ) =>
			url.pathname.endsWith( '/civikey/v1/integrations' );
		await page.route( isCreate, ( route ) =>
			route.request().method() === 'POST'
				? route.fulfill( {
						status: 500,
						contentType: 'application/json',
						body: JSON.stringify( {
							code: 'civikey_integration_crashed',
							message:
								'Giving the user its role failed. A PHP error in code that runs on this site stopped it. Everything this setup had created was removed again, so you can fix the cause and try again.',
							data: {
								status: 500,
								step: 'role',
								undone: [ 'user', 'contact' ],
								left_behind: [],
							},
						} ),
					} )
				: route.fallback()
		);
		await page.getByRole( 'button', { name: 'Create everything' } ).click();
		await expect(
			page.getByText( /: made, then removed again/ ).first()
		).toBeVisible();
		found.push( ...( await seriousViolations( page, 'Step 3, failed' ) ) );
		await page.unroute( isCreate );

		await page.getByRole( 'button', { name: 'Try again' } ).click();
		await expect(
			page.getByText( /^It works: Authenticated as contact/ )
		).toBeVisible( { timeout: 20_000 } );
		await expect(
			page.getByRole( 'region', { name: 'How to use this key' } )
		).toBeVisible();
		found.push( ...( await seriousViolations( page, 'Step 4' ) ) );
		await page
			.getByRole( 'button', { name: 'Done, I have copied it' } )
			.click();
		await expect(
			page.getByRole( 'heading', { name: `“${ name }” is connected` } )
		).toBeVisible();
		found.push( ...( await seriousViolations( page, 'Summary' ) ) );

		// eslint-disable-next-line no-console
		console.log(
			`Connect a new integration: 8 states checked with axe-core, serious or critical violations: ${ found.length }`
		);
		expect( found ).toEqual( [] );
	} );
} );

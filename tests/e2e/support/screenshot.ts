/**
 * External dependencies
 */
import type { Locator, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Where the README's pictures live. */
export const SCREENSHOT_DIR = path.join(
	__dirname,
	'../../../docs/screenshots'
);

/** The desktop size every desktop picture is taken at. */
export const DESKTOP_VIEWPORT = { width: 1280, height: 800 };

/** Marks what must be painted over; set on the page just before the shot. */
const MASK_ATTRIBUTE = 'data-civikey-shot-mask';

/** Fields that may hold an API key (or a site key) on CiviKey's screen. */
const SECRET_FIELD_LABELS = [ 'New API key', 'Generated key', 'Existing key' ];

/** Options of one picture. */
export interface ShotOptions {
	/**
	 * Scrolled to the top of the picture first (below the admin bar): an
	 * element, or the text of a heading (its first match, in part).
	 */
	scrollTo?: Locator | string;
	/** The whole page instead of one screenful. */
	fullPage?: boolean;
}

/**
 * Whether this run writes pictures: only `npm run screenshots` sets
 * CIVIKEY_SCREENSHOTS=1, so `npm test` leaves docs/ as it is.
 */
export function screenshotsEnabled(): boolean {
	return process.env.CIVIKEY_SCREENSHOTS === '1';
}

/** What `hideSecrets` changed, for `restoreSecrets`. */
interface HiddenSecrets {
	texts: Array< [ Text, string ] >;
	fields: Array< [ HTMLElement, string | null ] >;
}

/**
 * Hides every secret on the page before a picture. A field holding a key
 * (found by its label, or by a value shaped like one) shows bullets, as a
 * password field would; where its value also appears in text (the curl
 * command holds the new key while it is shown once), that text shows bullets
 * too. Both stay so until `restoreSecrets`. Anything else shaped like a key
 * (20 to 32 letters and digits standing alone) is tagged for Playwright's
 * mask, so a picture cannot leak a key a journey put somewhere unexpected.
 * Bullets rather than a mask for the fields: a mask is painted above
 * everything, dialogs included, while a field under a dialog's translucent
 * backdrop must stay unreadable too.
 *
 * @param page   Page.
 * @param labels Labels of the fields holding secrets.
 */
export async function hideSecrets(
	page: Page,
	labels: string[]
): Promise< void > {
	await page.evaluate(
		( { attribute, fieldLabels } ) => {
			const keyShaped =
				/(^|[^A-Za-z0-9])[A-Za-z0-9]{20,32}([^A-Za-z0-9]|$)/;
			const hidden: HiddenSecrets = { texts: [], fields: [] };
			const secrets: string[] = [];
			const tag = ( element: Element ) =>
				element.setAttribute( attribute, '' );
			const bullets = ( field: HTMLInputElement ) => {
				hidden.fields.push( [ field, field.getAttribute( 'style' ) ] );
				field.style.setProperty( '-webkit-text-security', 'disc' );
				const applied = getComputedStyle( field ).getPropertyValue(
					'-webkit-text-security'
				);
				if ( applied !== 'disc' ) {
					tag( field );
				}
			};

			const labelled = new Set< Element >();
			document.querySelectorAll( 'label' ).forEach( ( label ) => {
				if (
					! fieldLabels.includes( label.textContent?.trim() ?? '' )
				) {
					return;
				}
				const field = label.htmlFor
					? document.getElementById( label.htmlFor )
					: label.querySelector( 'input, textarea' );
				if ( field instanceof HTMLInputElement ) {
					labelled.add( field );
					if ( field.value ) {
						secrets.push( field.value );
					}
				}
			} );
			document
				.querySelectorAll( 'input, textarea' )
				.forEach( ( field ) => {
					const value = ( field as HTMLInputElement ).value;
					if ( field instanceof HTMLTextAreaElement ) {
						if ( value && keyShaped.test( value ) ) {
							tag( field );
						}
						return;
					}
					if (
						labelled.has( field ) ||
						( value &&
							( keyShaped.test( value ) ||
								secrets.some( ( secret ) =>
									value.includes( secret )
								) ) )
					) {
						bullets( field as HTMLInputElement );
					}
				} );

			const notShown = [ 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE' ];
			const walker = document.createTreeWalker(
				document.body,
				NodeFilter.SHOW_TEXT
			);
			for (
				let node = walker.nextNode();
				node;
				node = walker.nextNode()
			) {
				const parent = node.parentElement;
				if ( ! parent || notShown.includes( parent.tagName ) ) {
					continue;
				}
				const original = node.nodeValue ?? '';
				let text = original;
				for ( const secret of secrets ) {
					text = text
						.split( secret )
						.join( '•'.repeat( secret.length ) );
				}
				if ( text !== original ) {
					hidden.texts.push( [ node as Text, original ] );
					node.nodeValue = text;
				}
				if ( keyShaped.test( text ) ) {
					tag( parent );
				}
			}
			(
				window as unknown as { civikeyShotHidden?: HiddenSecrets }
			 ).civikeyShotHidden = hidden;
		},
		{ attribute: MASK_ATTRIBUTE, fieldLabels: labels }
	);
}

/**
 * Puts back what `hideSecrets` changed, so the journey goes on as before.
 *
 * @param page Page.
 */
export async function restoreSecrets( page: Page ): Promise< void > {
	await page.evaluate( ( attribute ) => {
		const holder = window as unknown as {
			civikeyShotHidden?: HiddenSecrets;
		};
		for ( const [ node, original ] of holder.civikeyShotHidden?.texts ??
			[] ) {
			node.nodeValue = original;
		}
		for ( const [ field, style ] of holder.civikeyShotHidden?.fields ??
			[] ) {
			if ( style === null ) {
				field.removeAttribute( 'style' );
			} else {
				field.setAttribute( 'style', style );
			}
		}
		delete holder.civikeyShotHidden;
		document
			.querySelectorAll( `[${ attribute }]` )
			.forEach( ( element ) => element.removeAttribute( attribute ) );
	}, MASK_ATTRIBUTE );
}

/**
 * Saves docs/screenshots/<name>.png when CIVIKEY_SCREENSHOTS=1, and does
 * nothing otherwise. Desktop pictures are 1280×800; a page narrower than
 * 600 px (the 390 px journey) keeps its own size. Keys are hidden (see
 * `hideSecrets`); a revealed site key stops the run, because no picture may
 * show it.
 *
 * @param page    Page, as the journey left it.
 * @param name    File name without .png, e.g. `key-shown-once`.
 * @param options Where to scroll first, or the whole page.
 */
export async function shot(
	page: Page,
	name: string,
	options: ShotOptions = {}
): Promise< void > {
	if ( ! screenshotsEnabled() ) {
		return;
	}
	if ( await page.getByLabel( 'Site key', { exact: true } ).count() ) {
		throw new Error(
			`Screenshot "${ name }": the site key is revealed on the page; hide it first.`
		);
	}
	const viewport = page.viewportSize();
	if ( ! viewport || viewport.width >= 600 ) {
		await page.setViewportSize( DESKTOP_VIEWPORT );
	}
	if ( options.scrollTo ) {
		const target =
			typeof options.scrollTo === 'string'
				? page
						.getByRole( 'heading', { name: options.scrollTo } )
						.first()
				: options.scrollTo;
		await target.evaluate( ( element ) => {
			element.scrollIntoView( { block: 'start' } );
			// On wide screens the admin bar is fixed over the top of the page.
			const adminBar = document.getElementById( 'wpadminbar' );
			const covered =
				adminBar && getComputedStyle( adminBar ).position === 'fixed'
					? adminBar.offsetHeight
					: 0;
			window.scrollBy( 0, -( covered + 16 ) );
		} );
	}
	mkdirSync( SCREENSHOT_DIR, { recursive: true } );
	await hideSecrets( page, SECRET_FIELD_LABELS );
	try {
		await page.screenshot( {
			path: path.join( SCREENSHOT_DIR, `${ name }.png` ),
			fullPage: options.fullPage ?? false,
			animations: 'disabled',
			caret: 'hide',
			mask: [ page.locator( `[${ MASK_ATTRIBUTE }]` ) ],
			maskColor: '#50575e',
		} );
	} finally {
		await restoreSecrets( page );
	}
}

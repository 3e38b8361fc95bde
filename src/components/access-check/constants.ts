/**
 * CiviCRM names and admin screens the panel refers to. Permission names are
 * CiviCRM's own (not translated), as in includes/permissions/class-profiles.php.
 */

/** Every REST request needs it; the server always adds it. */
export const REST_ACCESS = 'access AJAX API';

/** Lets a key pass AuthX's permission guard without the site key. */
export const AUTHENTICATE = 'authenticate with api key';

/** Full control of CiviCRM: ticked only when the admin asks for it. */
export const ADMINISTER = 'administer CiviCRM';

/** The profile chosen first: the least an integration can need. */
export const DEFAULT_PROFILE = 'read_contacts';

/** CiviCRM → Administer → System Settings → Extensions. */
export const EXTENSIONS_URL =
	'admin.php?page=CiviCRM&q=civicrm/admin/extensions';

/** CiviCRM → Administer → System Settings → Authentication (AuthX). */
export const AUTHX_SETTINGS_URL =
	'admin.php?page=CiviCRM&q=civicrm/admin/setting/authx';

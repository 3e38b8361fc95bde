<?php
/**
 * TEST ONLY: lets civicrm-core's page router run without TYPO3's phar guard.
 *
 * CRM_Core_Invoke asks PharLoader::isWrapperInstantiated() before every page
 * and registers TYPO3's guarded phar:// wrapper when the answer is no. The
 * test sites open no phar files, so this answers yes and nothing is
 * registered. A real site needs the real library.
 *
 * @see civicrm-core Civi/Core/Security/PharLoader.php
 * @see civicrm-core CRM/Core/Invoke.php
 * @package CiviKey\Tests
 */

namespace TYPO3\PharStreamWrapper;

/**
 * The wrapper's manager, always "instantiated".
 */
class Manager {

	/**
	 * The manager.
	 *
	 * @return self
	 */
	public static function instance() {
		static $instance = null;
		if ( null === $instance ) {
			$instance = new self();
		}
		return $instance;
	}
}

<?php
/**
 * Tables of the stand-in.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin;

/**
 * Creates the civicrm_* tables the stand-in needs, with the column types,
 * indexes, unique keys and foreign keys that civicrm-core declares. Only the
 * columns CiviKey can reach are present.
 *
 * @see civicrm-core schema/Contact/Contact.entityType.php
 * @see civicrm-core schema/Core/Email.entityType.php
 * @see civicrm-core schema/Core/UFMatch.entityType.php
 * @see civicrm-core schema/Core/Setting.entityType.php
 */
final class Schema {

	/** Bump when a table definition below changes. */
	public const VERSION = '1';

	/** WordPress option remembering which VERSION was installed. */
	public const OPTION = 'civicrm_standin_schema_version';

	/** Table options used by CiviCRM's installer. */
	private const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci ROW_FORMAT=DYNAMIC';

	/**
	 * Creates missing tables, unless this schema version is already recorded.
	 *
	 * @param bool $force Check the tables even when the option says they exist.
	 */
	public static function ensure( bool $force = false ): void {
		if ( ! $force && get_option( self::OPTION ) === self::VERSION ) {
			return;
		}
		$db = Database::instance();
		foreach ( self::statements() as $sql ) {
			$db->raw( $sql );
		}
		update_option( self::OPTION, self::VERSION, true );
	}

	/**
	 * Empties every stand-in table (tests and the seed script only).
	 */
	public static function truncate_all(): void {
		$db = Database::instance();
		$db->raw( 'SET FOREIGN_KEY_CHECKS = 0' );
		foreach ( array( 'civicrm_setting', 'civicrm_uf_match', 'civicrm_email', 'civicrm_contact' ) as $table ) {
			$db->raw( "TRUNCATE TABLE `$table`" );
		}
		$db->raw( 'SET FOREIGN_KEY_CHECKS = 1' );
	}

	/**
	 * CREATE TABLE statements, parents before children.
	 *
	 * @return array<int, string>
	 */
	private static function statements(): array {
		$options = self::TABLE_OPTIONS;
		return array(
			// Booleans are tinyint NOT NULL DEFAULT 0, as core's generated SQL has them.
			"CREATE TABLE IF NOT EXISTS `civicrm_contact` (
				`id` int unsigned NOT NULL AUTO_INCREMENT COMMENT 'Unique Contact ID',
				`contact_type` varchar(64) DEFAULT NULL,
				`external_identifier` varchar(64) DEFAULT NULL,
				`display_name` varchar(128) DEFAULT NULL,
				`organization_name` varchar(128) DEFAULT NULL,
				`contact_sub_type` varchar(255) DEFAULT NULL,
				`first_name` varchar(64) DEFAULT NULL,
				`middle_name` varchar(64) DEFAULT NULL,
				`last_name` varchar(64) DEFAULT NULL,
				`do_not_email` tinyint NOT NULL DEFAULT 0,
				`is_opt_out` tinyint NOT NULL DEFAULT 0,
				`sort_name` varchar(128) DEFAULT NULL,
				`nick_name` varchar(128) DEFAULT NULL,
				`hash` varchar(32) DEFAULT NULL,
				`api_key` varchar(32) DEFAULT NULL COMMENT 'API Key for validating requests related to this contact.',
				`source` varchar(255) DEFAULT NULL,
				`job_title` varchar(255) DEFAULT NULL,
				`household_name` varchar(128) DEFAULT NULL,
				`is_deceased` tinyint NOT NULL DEFAULT 0,
				`is_deleted` tinyint NOT NULL DEFAULT 0,
				`created_date` timestamp NULL DEFAULT NULL,
				`modified_date` timestamp NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
				PRIMARY KEY (`id`),
				INDEX `index_contact_type` (`contact_type`),
				UNIQUE INDEX `UI_external_identifier` (`external_identifier`),
				INDEX `index_organization_name` (`organization_name`),
				INDEX `index_contact_sub_type` (`contact_sub_type`),
				INDEX `index_first_name` (`first_name`),
				INDEX `index_last_name` (`last_name`),
				INDEX `index_sort_name` (`sort_name`),
				INDEX `index_hash` (`hash`),
				INDEX `index_api_key` (`api_key`),
				INDEX `index_household_name` (`household_name`),
				INDEX `index_is_deceased` (`is_deceased`),
				INDEX `index_is_deleted_sort_name` (`is_deleted`, `sort_name`, `id`),
				INDEX `index_created_date` (`created_date`),
				INDEX `index_modified_date` (`modified_date`)
			) $options",
			"CREATE TABLE IF NOT EXISTS `civicrm_email` (
				`id` int unsigned NOT NULL AUTO_INCREMENT COMMENT 'Unique Email ID',
				`contact_id` int unsigned DEFAULT NULL,
				`location_type_id` int unsigned DEFAULT NULL,
				`email` varchar(254) DEFAULT NULL,
				`is_primary` tinyint NOT NULL DEFAULT 0,
				`is_billing` tinyint NOT NULL DEFAULT 0,
				`on_hold` int unsigned NOT NULL DEFAULT 0,
				`is_bulkmail` tinyint NOT NULL DEFAULT 0,
				`hold_date` datetime DEFAULT NULL,
				`reset_date` datetime DEFAULT NULL,
				`signature_text` text DEFAULT NULL,
				`signature_html` text DEFAULT NULL,
				PRIMARY KEY (`id`),
				INDEX `index_location_type` (`location_type_id`),
				INDEX `UI_email` (`email`),
				INDEX `index_is_primary` (`is_primary`),
				INDEX `index_is_billing` (`is_billing`),
				CONSTRAINT `FK_civicrm_email_contact_id` FOREIGN KEY (`contact_id`) REFERENCES `civicrm_contact` (`id`) ON DELETE CASCADE
			) $options",
			// UI_uf_match_uf_id_domain_id is not declared unique in the entity
			// file; only uf_name and contact_id are unique per domain there.
			"CREATE TABLE IF NOT EXISTS `civicrm_uf_match` (
				`id` int unsigned NOT NULL AUTO_INCREMENT COMMENT 'System generated ID.',
				`domain_id` int unsigned NOT NULL COMMENT 'Which Domain is this match entry for',
				`uf_id` int unsigned NOT NULL COMMENT 'UF ID',
				`uf_name` varchar(128) DEFAULT NULL COMMENT 'UF Name',
				`contact_id` int unsigned DEFAULT NULL,
				`language` varchar(5) DEFAULT NULL,
				PRIMARY KEY (`id`),
				INDEX `I_civicrm_uf_match_uf_id` (`uf_id`),
				INDEX `UI_uf_match_uf_id_domain_id` (`uf_id`, `domain_id`),
				UNIQUE INDEX `UI_uf_name_domain_id` (`uf_name`, `domain_id`),
				UNIQUE INDEX `UI_contact_domain_id` (`contact_id`, `domain_id`),
				CONSTRAINT `FK_civicrm_uf_match_contact_id` FOREIGN KEY (`contact_id`) REFERENCES `civicrm_contact` (`id`) ON DELETE CASCADE
			) $options",
			"CREATE TABLE IF NOT EXISTS `civicrm_setting` (
				`id` int unsigned NOT NULL AUTO_INCREMENT,
				`name` varchar(255) DEFAULT NULL COMMENT 'Unique name for setting',
				`value` text DEFAULT NULL COMMENT 'data associated with this group / name combo',
				`domain_id` int unsigned DEFAULT NULL,
				`contact_id` int unsigned DEFAULT NULL,
				`is_domain` tinyint NOT NULL DEFAULT 0,
				`component_id` int unsigned DEFAULT NULL,
				`created_date` datetime DEFAULT NULL,
				`created_id` int unsigned DEFAULT NULL,
				PRIMARY KEY (`id`),
				UNIQUE INDEX `index_domain_contact_name` (`domain_id`, `contact_id`, `name`),
				CONSTRAINT `FK_civicrm_setting_contact_id` FOREIGN KEY (`contact_id`) REFERENCES `civicrm_contact` (`id`) ON DELETE CASCADE,
				CONSTRAINT `FK_civicrm_setting_created_id` FOREIGN KEY (`created_id`) REFERENCES `civicrm_contact` (`id`) ON DELETE SET NULL
			) $options",
		);
	}
}

<?php
/**
 * Removes what the plugin stored: its settings and the cached static boxes.
 *
 * @package DigitalePartnerschaften
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/**
 * Deletes the option and the transients of the current site.
 */
function digitale_partnerschaften_uninstall_site() {
	global $wpdb;
	delete_option( 'digitale_partnerschaften' );
	// Transients have no API to list them: the static boxes' all share one prefix.
	foreach ( array( '_transient_dp_static_', '_transient_timeout_dp_static_' ) as $prefix ) {
		$wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( $prefix ) . '%' )
		);
	}
}

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $digitale_partnerschaften_site ) {
		switch_to_blog( $digitale_partnerschaften_site );
		digitale_partnerschaften_uninstall_site();
		restore_current_blog();
	}
} else {
	digitale_partnerschaften_uninstall_site();
}

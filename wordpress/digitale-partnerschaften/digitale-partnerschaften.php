<?php
/**
 * Plugin Name:       Digitale Partnerschaften
 * Description:       Zeigt „Unsere digitalen Partnerschaften“ Ihrer Verwaltung aus dem offenen Datensatz: als Block oder mit dem Shortcode [digitale_partnerschaften ags="01060"], auch in Beiträgen von Autorinnen und Autoren.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT OR Apache-2.0
 * Text Domain:       digitale-partnerschaften
 *
 * @package DigitalePartnerschaften
 */

defined( 'ABSPATH' ) || exit;

define( 'DIGITALE_PARTNERSCHAFTEN_DIR', __DIR__ );

require_once __DIR__ . '/includes/release.php';
require_once __DIR__ . '/includes/box.php';
require_once __DIR__ . '/includes/settings.php';

add_action( 'init', 'digitale_partnerschaften_register' );
add_filter( 'script_loader_tag', 'digitale_partnerschaften_script_tag', 10, 3 );
add_action( 'admin_menu', 'digitale_partnerschaften_admin_menu' );
add_action( 'admin_init', 'digitale_partnerschaften_admin_init' );
add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'digitale_partnerschaften_action_links' );

/**
 * Registers the shortcode and the block.
 */
function digitale_partnerschaften_register() {
	add_shortcode( 'digitale_partnerschaften', 'digitale_partnerschaften_shortcode' );
	register_block_type(
		__DIR__ . '/block',
		array( 'render_callback' => 'digitale_partnerschaften_block' )
	);
}

/**
 * The settings link in the plugin list.
 *
 * @param string[] $links The plugin's action links.
 * @return string[]
 */
function digitale_partnerschaften_action_links( $links ) {
	$url = admin_url( 'options-general.php?page=digitale-partnerschaften' );
	array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Einstellungen', 'digitale-partnerschaften' ) . '</a>' );
	return $links;
}

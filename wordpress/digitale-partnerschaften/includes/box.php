<?php
/**
 * One box, for the shortcode and the block alike: an element holding the
 * body's static box (readable without JavaScript, and what search engines
 * see), and the pinned loader, enqueued once per box with the attributes
 * it reads (data-ags, data-target, …) and Subresource Integrity. The loader
 * upgrades the static box in place into the live box.
 *
 * Rendered when the page is shown, never saved into the post: an Author's
 * post (which WordPress filters with kses) holds only the shortcode or the
 * block comment.
 *
 * @package DigitalePartnerschaften
 */

defined( 'ABSPATH' ) || exit;

/**
 * The shortcode [digitale_partnerschaften ags="01060" ebene="3"
 * farbschema="dunkel" sprache="en" ansicht="netz"].
 *
 * @param array|string $atts The shortcode's attributes.
 * @return string
 */
function digitale_partnerschaften_shortcode( $atts ) {
	$atts = shortcode_atts(
		array(
			'ags'        => '',
			'ebene'      => '2',
			'farbschema' => 'hell',
			'sprache'    => '',
			'ansicht'    => 'liste',
		),
		$atts,
		'digitale_partnerschaften'
	);
	$themes = array(
		'hell'   => 'light',
		'dunkel' => 'dark',
		'auto'   => 'auto',
	);
	return digitale_partnerschaften_box(
		array(
			'ags'          => $atts['ags'],
			'headingLevel' => $atts['ebene'],
			'theme'        => isset( $themes[ $atts['farbschema'] ] ) ? $themes[ $atts['farbschema'] ] : 'light',
			'lang'         => $atts['sprache'],
			'view'         => 'netz' === $atts['ansicht'] ? 'network' : 'list',
		)
	);
}

/**
 * The block digitale-partnerschaften/kasten (attributes as in block.json).
 *
 * @param array $attributes The block's attributes.
 * @return string
 */
function digitale_partnerschaften_block( $attributes ) {
	return digitale_partnerschaften_box( $attributes );
}

/**
 * The box's HTML, and its loader enqueued.
 *
 * @param array $options ags, headingLevel (2–6), theme (light, dark, auto),
 *                       lang ('', de, en), view (list, network).
 * @return string
 */
function digitale_partnerschaften_box( $options ) {
	static $count = 0;
	$settings = digitale_partnerschaften_settings();
	$ags      = preg_replace( '/\s+/', '', (string) ( isset( $options['ags'] ) ? $options['ags'] : '' ) );
	if ( ! preg_match( '/^(\d{2}|\d{5}|\d{8}|\d{9}|\d{12})$/', $ags ) ) {
		return digitale_partnerschaften_notice( __( 'Digitale Partnerschaften: Bitte geben Sie den amtlichen Schlüssel Ihrer Verwaltung an (2, 5, 8, 9 oder 12 Ziffern).', 'digitale-partnerschaften' ) );
	}
	if ( empty( $settings['release'] ) || '' === $settings['widget_url'] ) {
		return digitale_partnerschaften_notice( __( 'Digitale Partnerschaften: Bitte tragen Sie unter Einstellungen → Digitale Partnerschaften die Adresse des Widgets ein.', 'digitale-partnerschaften' ) );
	}
	$level = min( 6, max( 2, (int) ( isset( $options['headingLevel'] ) ? $options['headingLevel'] : 2 ) ) );
	$theme = isset( $options['theme'] ) && in_array( $options['theme'], array( 'dark', 'auto' ), true ) ? $options['theme'] : 'light';
	$lang  = isset( $options['lang'] ) && in_array( $options['lang'], array( 'de', 'en' ), true ) ? $options['lang'] : '';
	$view  = isset( $options['view'] ) && 'network' === $options['view'] ? 'network' : 'list';
	$data  = '' !== $settings['data_url'] ? $settings['data_url'] : $settings['widget_url'] . 'partnerships.json';

	++$count;
	$id     = 'digitale-partnerschaften-' . $ags . '-' . $count;
	$handle = 'digitale-partnerschaften-' . $count;
	$attrs  = array(
		'data-ags'    => $ags,
		'data-target' => '#' . $id,
		'data-src'    => $data,
	);
	if ( 'light' !== $theme ) {
		$attrs['data-theme'] = $theme;
	}
	if ( '' !== $lang ) {
		$attrs['data-lang'] = $lang;
	}
	if ( 2 !== $level ) {
		$attrs['data-heading-level'] = (string) $level;
	}
	if ( 'network' === $view ) {
		$attrs['data-view'] = 'network';
	}
	// No version query: the loader's address is versioned itself, and its
	// integrity covers exactly the bytes at that address.
	wp_register_script( $handle, $settings['release']['loader'], array(), null, true ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion
	wp_script_add_data( $handle, 'digitale_partnerschaften', $attrs );
	wp_enqueue_script( $handle );

	$static = digitale_partnerschaften_static_box( $settings['widget_url'], $ags, 'en' === $lang ? 'en' : 'de' );
	return '<div id="' . esc_attr( $id ) . '" class="digitale-partnerschaften">' . digitale_partnerschaften_at_level( $static, $level ) . '</div>';
}

/**
 * The static box with its headings moved to `$level` (h2 → $level, h3 →
 * $level + 1, …, at most h6), as the live box places its own. `$html` has
 * passed wp_kses, in which text is escaped: "<h" only starts a heading tag.
 *
 * @param string $html  A checked static box.
 * @param int    $level 2–6.
 * @return string
 */
function digitale_partnerschaften_at_level( $html, $level ) {
	return preg_replace_callback(
		'#<(/?)h([2-6])\b#',
		function ( $m ) use ( $level ) {
			return '<' . $m[1] . 'h' . min( 6, (int) $m[2] - 2 + $level );
		},
		$html
	);
}

/**
 * A note for the people who can edit the page; nothing for readers.
 *
 * @param string $text The note.
 * @return string
 */
function digitale_partnerschaften_notice( $text ) {
	return current_user_can( 'edit_posts' ) ? '<p class="digitale-partnerschaften-hinweis">' . esc_html( $text ) . '</p>' : '';
}

/**
 * The loader's tag with the attributes of its box, its integrity and
 * crossorigin (the loader may live on another origin), and defer.
 *
 * @param string $tag    The tag WordPress wrote.
 * @param string $handle The script's handle.
 * @param string $src    The script's address.
 * @return string
 */
function digitale_partnerschaften_script_tag( $tag, $handle, $src ) {
	$attrs = wp_scripts()->get_data( $handle, 'digitale_partnerschaften' );
	if ( ! is_array( $attrs ) ) {
		return $tag;
	}
	$settings = digitale_partnerschaften_settings();
	$html     = '<script src="' . esc_url( $src ) . '" integrity="' . esc_attr( $settings['release']['integrity'] ) . '" crossorigin="anonymous"';
	foreach ( $attrs as $name => $value ) {
		$html .= ' ' . $name . '="' . ( 'data-src' === $name ? esc_url( $value ) : esc_attr( $value ) ) . '"';
	}
	return $html . ' defer></script>' . "\n";
}

<?php
/**
 * The widget's published files: the pinned release (release.json) and the
 * static box of a body (einbinden/static/LANG/KEY.html), fetched from the
 * widget's address and cached.
 *
 * @package DigitalePartnerschaften
 */

defined( 'ABSPATH' ) || exit;

/**
 * The plugin's settings with their defaults.
 *
 * @return array{widget_url: string, data_url: string, release: array|null}
 */
function digitale_partnerschaften_settings() {
	$saved = get_option( 'digitale_partnerschaften', array() );
	return wp_parse_args(
		is_array( $saved ) ? $saved : array(),
		array(
			'widget_url' => '',
			'data_url'   => '',
			'release'    => null,
		)
	);
}

/**
 * An absolute http(s) address, or '' for anything else.
 *
 * @param mixed $url What was entered.
 * @return string
 */
function digitale_partnerschaften_http_url( $url ) {
	$url = trim( (string) $url );
	if ( '' === $url || ! in_array( wp_parse_url( $url, PHP_URL_SCHEME ), array( 'http', 'https' ), true ) ) {
		return '';
	}
	return esc_url_raw( $url, array( 'http', 'https' ) );
}

/**
 * Fetches release.json from the widget folder `$widget_url` and returns
 * the release it names (version, folder, loader and the loader's SHA-384),
 * or a WP_Error saying what is wrong, in German.
 *
 * @param string $widget_url The widget folder's address, ending in "/".
 * @return array|WP_Error
 */
function digitale_partnerschaften_fetch_release( $widget_url ) {
	$url      = $widget_url . 'release.json';
	$response = wp_remote_get( $url, array( 'timeout' => 5 ) );
	if ( is_wp_error( $response ) ) {
		/* translators: 1: address, 2: the error. */
		return new WP_Error( 'dp_release', sprintf( __( '%1$s konnte nicht abgerufen werden: %2$s', 'digitale-partnerschaften' ), $url, $response->get_error_message() ) );
	}
	$status = wp_remote_retrieve_response_code( $response );
	if ( 200 !== $status ) {
		/* translators: 1: address, 2: HTTP status. */
		return new WP_Error( 'dp_release', sprintf( __( '%1$s antwortet mit dem Status %2$d. Ist das die Adresse des Widget-Ordners?', 'digitale-partnerschaften' ), $url, $status ) );
	}
	$release = json_decode( wp_remote_retrieve_body( $response ), true );
	$loader  = is_array( $release ) && isset( $release['loader'] ) ? $release['loader'] : '';
	$valid   = is_array( $release )
		&& isset( $release['version'], $release['path'], $release['integrity'][ $loader ] )
		&& preg_match( '/^[0-9A-Za-z.+-]{1,40}$/', $release['version'] )
		&& preg_match( '#^v[0-9][0-9A-Za-z.+-]{0,40}/$#', $release['path'] )
		&& preg_match( '/^[a-z0-9_-]{1,60}\.js$/', $loader )
		&& preg_match( '#^sha384-[A-Za-z0-9+/]{64}$#', $release['integrity'][ $loader ] );
	if ( ! $valid ) {
		/* translators: %s: address. */
		return new WP_Error( 'dp_release', sprintf( __( '%s ist keine Beschreibung einer Fassung des Widgets.', 'digitale-partnerschaften' ), $url ) );
	}
	return array(
		'version'   => $release['version'],
		'loader'    => $widget_url . $release['path'] . $loader,
		'integrity' => $release['integrity'][ $loader ],
	);
}

/**
 * The elements and attributes a static box may contain: what the widget's
 * build writes (headings, lists, details, links, schema.org microdata),
 * nothing else. Applied to every box before it is shown or cached.
 *
 * @return array
 */
function digitale_partnerschaften_allowed_html() {
	$plain   = array();
	$heading = array( 'id' => true );
	return array(
		'section' => array(
			'class'           => true,
			'lang'            => true,
			'aria-labelledby' => true,
			'data-ags'        => true,
			'data-digest'     => true,
			'itemscope'       => true,
			'itemtype'        => true,
		),
		'h2'      => $heading,
		'h3'      => $heading,
		'h4'      => $heading,
		'h5'      => $heading,
		'h6'      => $heading,
		'p'       => $plain,
		'ul'      => $plain,
		'li'      => array( 'data-id' => true ),
		'strong'  => $plain,
		'details' => $plain,
		'summary' => $plain,
		'a'       => array(
			'href' => true,
			'rel'  => true,
		),
		'div'     => array(
			'itemprop'  => true,
			'itemscope' => true,
			'itemtype'  => true,
		),
		'meta'    => array(
			'itemprop' => true,
			'content'  => true,
		),
	);
}

/**
 * The static box of the body `$ags` in `$lang` as the widget's build
 * published it, checked against digitale_partnerschaften_allowed_html(),
 * or '' when there is none (a Gemeinde key, or the server cannot be
 * reached). Cached for twelve hours, a failure for one.
 *
 * @param string $widget_url The widget folder's address.
 * @param string $ags        A valid official key.
 * @param string $lang       "de" or "en".
 * @return string
 */
function digitale_partnerschaften_static_box( $widget_url, $ags, $lang ) {
	$url    = $widget_url . 'einbinden/static/' . $lang . '/' . $ags . '.html';
	$key    = 'dp_static_' . md5( $url );
	$cached = get_transient( $key );
	if ( is_string( $cached ) ) {
		return $cached;
	}
	$response = wp_remote_get( $url, array( 'timeout' => 3 ) );
	$html     = '';
	if ( ! is_wp_error( $response ) && 200 === wp_remote_retrieve_response_code( $response ) ) {
		$html = wp_kses( wp_remote_retrieve_body( $response ), digitale_partnerschaften_allowed_html(), array( 'http', 'https' ) );
	}
	set_transient( $key, $html, '' === $html ? HOUR_IN_SECONDS : 12 * HOUR_IN_SECONDS );
	return $html;
}

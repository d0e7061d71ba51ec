<?php
/**
 * Settings → Digitale Partnerschaften: the widget's address (and the
 * dataset's, if it lives elsewhere). Saving pins the release the widget
 * folder names in release.json: a later release reaches the site only
 * when an administrator saves again.
 *
 * @package DigitalePartnerschaften
 */

defined( 'ABSPATH' ) || exit;

/**
 * Adds the settings page (administrators only).
 */
function digitale_partnerschaften_admin_menu() {
	add_options_page(
		__( 'Digitale Partnerschaften', 'digitale-partnerschaften' ),
		__( 'Digitale Partnerschaften', 'digitale-partnerschaften' ),
		'manage_options',
		'digitale-partnerschaften',
		'digitale_partnerschaften_settings_page'
	);
}

/**
 * Registers the setting and its fields (the Settings API writes the nonce
 * and checks it and the capability on saving).
 */
function digitale_partnerschaften_admin_init() {
	register_setting(
		'digitale_partnerschaften',
		'digitale_partnerschaften',
		array(
			'type'              => 'array',
			'sanitize_callback' => 'digitale_partnerschaften_sanitize',
			'show_in_rest'      => false,
		)
	);
	add_settings_section( 'dp_addresses', __( 'Adressen', 'digitale-partnerschaften' ), '__return_false', 'digitale-partnerschaften' );
	add_settings_field(
		'dp_widget_url',
		__( 'Adresse des Widgets', 'digitale-partnerschaften' ),
		'digitale_partnerschaften_url_field',
		'digitale-partnerschaften',
		'dp_addresses',
		array(
			'label_for' => 'dp_widget_url',
			'key'       => 'widget_url',
			'hint'      => __( 'Der Ordner, in dem das Widget veröffentlicht ist (mit release.json), zum Beispiel https://www.example.org/partnerschaften/. Liegt er auf einem anderen Server als diese Website, muss jener die Dateien mit CORS ausliefern (Access-Control-Allow-Origin: *).', 'digitale-partnerschaften' ),
		)
	);
	add_settings_field(
		'dp_data_url',
		__( 'Adresse des Datensatzes (optional)', 'digitale-partnerschaften' ),
		'digitale_partnerschaften_url_field',
		'digitale-partnerschaften',
		'dp_addresses',
		array(
			'label_for' => 'dp_data_url',
			'key'       => 'data_url',
			'hint'      => __( 'Leer lassen für partnerships.json im Ordner des Widgets. Nur ändern, wenn Sie den Datensatz selbst bereitstellen.', 'digitale-partnerschaften' ),
		)
	);
}

/**
 * One address field.
 *
 * @param array $args label_for, key and hint.
 */
function digitale_partnerschaften_url_field( $args ) {
	$settings = digitale_partnerschaften_settings();
	printf(
		'<input type="url" class="regular-text code" id="%1$s" name="digitale_partnerschaften[%2$s]" value="%3$s" aria-describedby="%1$s-hint"><p class="description" id="%1$s-hint">%4$s</p>',
		esc_attr( $args['label_for'] ),
		esc_attr( $args['key'] ),
		esc_attr( $settings[ $args['key'] ] ),
		esc_html( $args['hint'] )
	);
}

/**
 * Checks what was entered and pins the widget's current release.
 *
 * @param mixed $input The submitted values.
 * @return array The settings to store.
 */
function digitale_partnerschaften_sanitize( $input ) {
	// WordPress sanitizes an option it adds (the first save) twice: fetch
	// and report once.
	static $result = null;
	if ( null !== $result ) {
		return $result;
	}
	$result = digitale_partnerschaften_sanitize_once( $input );
	return $result;
}

/**
 * What digitale_partnerschaften_sanitize() stores.
 *
 * @param mixed $input The submitted values.
 * @return array
 */
function digitale_partnerschaften_sanitize_once( $input ) {
	$old   = digitale_partnerschaften_settings();
	$input = is_array( $input ) ? $input : array();
	$new   = array(
		'widget_url' => digitale_partnerschaften_http_url( isset( $input['widget_url'] ) ? $input['widget_url'] : '' ),
		'data_url'   => digitale_partnerschaften_http_url( isset( $input['data_url'] ) ? $input['data_url'] : '' ),
		'release'    => null,
	);
	if ( '' !== $new['widget_url'] ) {
		$new['widget_url'] = trailingslashit( $new['widget_url'] );
	}
	if ( ! empty( $input['data_url'] ) && '' === $new['data_url'] ) {
		add_settings_error( 'digitale_partnerschaften', 'dp_data_url', __( 'Die Adresse des Datensatzes muss mit http:// oder https:// beginnen. Es gilt die vorgegebene Adresse.', 'digitale-partnerschaften' ) );
	}
	if ( '' === $new['widget_url'] ) {
		if ( ! empty( $input['widget_url'] ) ) {
			add_settings_error( 'digitale_partnerschaften', 'dp_widget_url', __( 'Die Adresse des Widgets muss mit http:// oder https:// beginnen.', 'digitale-partnerschaften' ) );
		}
		return $new;
	}
	$release = digitale_partnerschaften_fetch_release( $new['widget_url'] );
	if ( is_wp_error( $release ) ) {
		add_settings_error( 'digitale_partnerschaften', 'dp_release', $release->get_error_message() );
		// The site keeps showing what it showed until a release can be read.
		return $old;
	}
	$new['release'] = $release;
	/* translators: %s: version. */
	add_settings_error( 'digitale_partnerschaften', 'dp_saved', sprintf( __( 'Gespeichert. Die Website nutzt jetzt die Fassung %s des Widgets.', 'digitale-partnerschaften' ), $release['version'] ), 'success' );
	return $new;
}

/**
 * The settings page.
 */
function digitale_partnerschaften_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$settings = digitale_partnerschaften_settings();
	// WordPress itself shows the messages of a page under Settings.
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1>';
	echo '<p>' . esc_html__( 'Den Kasten fügen Sie mit dem Block „Digitale Partnerschaften“ ein, oder mit dem Shortcode [digitale_partnerschaften ags="01060"] (den amtlichen Schlüssel Ihrer Verwaltung finden Sie mit dem Einbindungsassistenten des Widgets). Beides funktioniert auch in Beiträgen von Autorinnen und Autoren.', 'digitale-partnerschaften' ) . '</p>';
	if ( ! empty( $settings['release'] ) ) {
		echo '<p data-testid="dp-release">' . esc_html(
			sprintf(
				/* translators: 1: version, 2: address of the loader. */
				__( 'Verwendete Fassung: %1$s (%2$s, mit Prüfsumme). Eine neuere Fassung übernimmt die Website erst, wenn Sie hier erneut speichern.', 'digitale-partnerschaften' ),
				$settings['release']['version'],
				$settings['release']['loader']
			)
		) . '</p>';
	}
	echo '<form action="options.php" method="post">';
	settings_fields( 'digitale_partnerschaften' );
	do_settings_sections( 'digitale-partnerschaften' );
	submit_button( __( 'Speichern und Fassung abrufen', 'digitale-partnerschaften' ) );
	echo '</form></div>';
}

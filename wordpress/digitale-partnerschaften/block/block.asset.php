<?php
/**
 * The editor script's dependencies (written by hand: block.js needs no build step).
 *
 * @package DigitalePartnerschaften
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-server-side-render' ),
	'version'      => '0.1.0',
);

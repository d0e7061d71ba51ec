<?php
/**
 * WordPress configuration of the end-to-end tests (tests/servers/).
 *
 * Installed by scripts/setup-servers as /etc/wordpress/config-dp-test.php:
 * Debian's wp-config.php loads it where the test's Apache sets
 * WORDPRESS_CONFIG=dp-test. Every value of a run (database socket, content
 * folder, address, salt) comes from that Apache's SetEnv, so one file
 * serves every run, and nothing else in /etc/wordpress is touched.
 */
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:' . $_SERVER['DP_TEST_DB_SOCKET'] );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'WP_CONTENT_DIR', $_SERVER['DP_TEST_CONTENT_DIR'] );
define( 'WP_HOME', $_SERVER['DP_TEST_URL'] );
define( 'WP_SITEURL', $_SERVER['DP_TEST_URL'] );
foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as $dp_test_key ) {
	define( $dp_test_key, $_SERVER['DP_TEST_SALT'] . $dp_test_key );
}
// Notices of the plugin (and of WordPress) go to a log the tests read.
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', $_SERVER['DP_TEST_CONTENT_DIR'] . '/debug.log' );
// No network but the machine's own: no update checks, no feeds.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true );
// The tests delete the plugin as an administrator would (a folder www-data may write).
define( 'FS_METHOD', 'direct' );
$table_prefix = 'wp_';

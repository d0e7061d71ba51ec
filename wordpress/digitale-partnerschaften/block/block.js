/**
 * The block "Digitale Partnerschaften" in the editor: the key and the
 * options in the sidebar, the static box as a preview (rendered by the
 * server, as readers without JavaScript see it). Plain JavaScript on
 * WordPress's own globals, so the plugin needs no build step.
 */
( ( { blocks, blockEditor, components, element, serverSideRender: ServerSideRender } ) => {
	const el = element.createElement;
	const { InspectorControls, useBlockProps } = blockEditor;
	const { PanelBody, Placeholder, SelectControl, TextControl } = components;
	const KEY = /^(\d{2}|\d{5}|\d{8}|\d{9}|\d{12})$/;

	blocks.registerBlockType( 'digitale-partnerschaften/kasten', {
		edit( { attributes, setAttributes } ) {
			const blockProps = useBlockProps();
			const key = attributes.ags.replace( /\s+/g, '' );
			const keyField = el( TextControl, {
				label: 'Amtlicher Schlüssel Ihrer Verwaltung',
				help: '2, 5, 8, 9 oder 12 Ziffern, zum Beispiel 01060 für den Kreis Segeberg.',
				value: attributes.ags,
				onChange: ( ags ) => setAttributes( { ags } ),
			} );
			const select = ( label, name, options, toValue = String ) =>
				el( SelectControl, {
					label,
					value: String( attributes[ name ] ),
					options,
					onChange: ( value ) => setAttributes( { [ name ]: toValue( value ) } ),
				} );
			const sidebar = el(
				InspectorControls,
				null,
				el(
					PanelBody,
					{ title: 'Kasten' },
					keyField,
					select( 'Überschriftenebene', 'headingLevel', [ 2, 3, 4, 5, 6 ].map( ( n ) => ( { label: `h${ n }`, value: String( n ) } ) ), Number ),
					select( 'Farbschema', 'theme', [
						{ label: 'Hell', value: 'light' },
						{ label: 'Dunkel', value: 'dark' },
						{ label: 'Wie im Gerät eingestellt', value: 'auto' },
					] ),
					select( 'Sprache', 'lang', [
						{ label: 'Sprache der Seite', value: '' },
						{ label: 'Deutsch', value: 'de' },
						{ label: 'Englisch', value: 'en' },
					] ),
					select( 'Ansicht', 'view', [
						{ label: 'Liste', value: 'list' },
						{ label: 'Partnernetz über der Liste', value: 'network' },
					] )
				)
			);
			const body = KEY.test( key )
				? el( ServerSideRender, { block: 'digitale-partnerschaften/kasten', attributes } )
				: el( Placeholder, { icon: 'networking', label: 'Digitale Partnerschaften', instructions: 'Geben Sie den amtlichen Schlüssel Ihrer Verwaltung ein.' }, keyField );
			return el( 'div', blockProps, sidebar, body );
		},
		// Rendered by the server when the page is shown (render_callback).
		save: () => null,
	} );
} )( window.wp );

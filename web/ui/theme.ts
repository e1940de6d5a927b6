/**
 * The design-system layer both apps share: NL Design System "voorbeeld" tokens as an open theme
 * and the CSS of exactly the Utrecht components we use (per component, never the whole library).
 * An organisation's own theme replaces theme.css's tokens; nothing here names an organisation.
 */
import './fonts.css';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import '@utrecht/document-css/dist/index.css';
import '@utrecht/skip-link-css/dist/index.css';
import '@utrecht/heading-1-css/dist/index.css';
import '@utrecht/heading-2-css/dist/index.css';
import '@utrecht/heading-3-css/dist/index.css';
import '@utrecht/paragraph-css/dist/index.css';
import '@utrecht/link-css/dist/index.css';
import '@utrecht/button-css/dist/index.css';
import '@utrecht/button-group-css/dist/index.css';
import '@utrecht/button-link-css/dist/index.css';
import '@utrecht/form-field-css/dist/index.css';
import '@utrecht/form-label-css/dist/index.css';
import '@utrecht/form-field-description-css/dist/index.css';
import '@utrecht/form-field-error-message-css/dist/index.css';
import '@utrecht/form-fieldset-css/dist/index.css';
import '@utrecht/textbox-css/dist/index.css';
import '@utrecht/textarea-css/dist/index.css';
import '@utrecht/select-css/dist/index.css';
import '@utrecht/checkbox-css/dist/index.css';
import '@utrecht/radio-button-css/dist/index.css';
import '@utrecht/alert-css/dist/index.css';
import '@utrecht/table-css/dist/index.css';
import '@utrecht/status-badge-css/dist/index.css';
import '@utrecht/data-list-css/dist/index.css';
import '@utrecht/unordered-list-css/dist/index.css';
import './klachtflow.css';

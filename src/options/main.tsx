// First: the page's reads start before anything else is evaluated.
import './early-reads.ts';
import { render } from 'preact';
import { t, uiLocale } from '../i18n/t.ts';
import { Options } from './Options.tsx';
import '../popup/popup.css';
import './options.css';

// Screen readers pronounce the text in the language it is written in.
document.documentElement.lang = uiLocale();
document.title = t('optionsPageTitle');

const root = document.getElementById('app');
if (root) render(<Options />, root);

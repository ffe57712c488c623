import { render } from 'preact';
import { uiLocale } from '../i18n/t.ts';
import { announcePopupOpened } from '../messaging/pages-channel.ts';
import { App } from './App.tsx';
import './popup.css';

// The bench measures the first render from here (scripts loaded) to the App's rendered mark.
performance.mark('gap-closer:popup-start');
// Before the first reads: an archive move the worker has in flight steps aside for them.
announcePopupOpened();
// Screen readers pronounce the text in the language it is written in.
document.documentElement.lang = uiLocale();
const root = document.getElementById('app');
if (root) render(<App />, root);

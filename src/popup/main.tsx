import { render } from 'preact';
import { App } from './App.tsx';
import './popup.css';

// The bench measures the first render from here (scripts loaded) to the App's rendered mark.
performance.mark('gap-closer:popup-start');
const root = document.getElementById('app');
if (root) render(<App />, root);

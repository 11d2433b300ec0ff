import { render } from 'preact';
import { App } from './app.js';
import { currentLang } from './i18n.js';

document.documentElement.lang = currentLang();
render(<App />, document.getElementById('app')!);

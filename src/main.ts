// Boot: theme first (before anything paints), then the app shell. tfjs, Plotly and mathjs are not imported
// here; they load when a demo first needs them.
import 'katex/dist/katex.min.css';
import './styles/app.css';
import './styles/shell.css';
import './styles/rehearsal.css';
import { registerAllDemos } from './demos/registry';
import { initTheme } from './notebook/theme';
import './ui/app';

initTheme();
registerAllDemos();
document.body.append(document.createElement('viva-app'));

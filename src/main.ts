// Boot: theme first (before anything paints), then the app shell. tfjs, Plotly and mathjs are not imported
// here; they load when a demo first needs them.
import 'katex/dist/katex.min.css';
import './styles/app.css';
import './styles/shell.css';
import { registerAllDemos } from './demos/registry';
import { initTheme } from './notebook/theme';
import { estimateDeviceSpeed, setDeviceSpeed } from './ui/kit/device-speed';
import './ui/app';

initTheme();
// A few ms: a slow device gets smaller defaults in the heaviest demos (issue 15).
setDeviceSpeed(estimateDeviceSpeed());
registerAllDemos();
document.body.append(document.createElement('viva-app'));

// Boot: theme first (before anything paints), then the app shell. tfjs, Plotly and mathjs are not imported
// here; they load when a demo first needs them. The service worker (offline use) registers after the page
// has loaded; a new version waits for the user's click in the update prompt.
/// <reference types="vite-plugin-pwa/client" />
import 'katex/dist/katex.min.css';
import './styles/app.css';
import './styles/shell.css';
import './styles/update-prompt.css';
import './styles/rehearsal.css';
import { registerSW } from 'virtual:pwa-register';
import { registerAllDemos } from './demos/registry';
import { initTheme } from './notebook/theme';
import { estimateDeviceSpeed, setDeviceSpeed } from './ui/kit/device-speed';
import './ui/app';
import { activateWaitingVersion } from './ui/update-prompt';

initTheme();
// A few ms: a slow device gets smaller defaults in the heaviest demos (issue 15).
setDeviceSpeed(estimateDeviceSpeed());
registerAllDemos();
const updatePrompt = document.createElement('viva-update-prompt');
document.body.append(updatePrompt, document.createElement('viva-app'));

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  registerSW({
    onNeedRefresh: () => updatePrompt.show(activateWaitingVersion),
    onNeedReload: () => {}, // the prompt reloads, after the click, once the new version is active
  });
}

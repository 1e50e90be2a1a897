// Where a run ran, for its run card: the backend and GPU renderer, tfjs' version (when tfjs is loaded; demos
// on typed arrays never load it), the app's version and the browser.
import { version as appVersion } from '../../../package.json';
import { computeRuntime } from '../../runtime/compute';

export interface RunEnv {
  backend: string | null;
  renderer: string | null;
  tfjsVersion: string | null;
  appVersion: string;
  userAgent: string;
}

export async function runEnv(): Promise<RunEnv> {
  const compute = computeRuntime();
  const { status, backend, renderer } = compute.state;
  let tfjsVersion: string | null = null;
  if (status === 'ready') {
    const tf = (await compute.ensure()) as { version_core?: string };
    tfjsVersion = tf.version_core ?? null;
  }
  return {
    backend: status === 'ready' ? backend : null,
    renderer,
    tfjsVersion,
    appVersion,
    userAgent: navigator.userAgent,
  };
}

// The worker host's contract, in Node: the page's side (WorkerHost) against the worker's side (serveJobs)
// over a real MessageChannel, and against a scripted fake worker for failures, stale messages and stops
// that are not answered.
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerHost } from '../../../src/runtime/worker-host';
import { serveJobs } from '../../../src/runtime/worker-jobs';
import type {
  HostMessage,
  WorkerLike,
  WorkerMessage,
  WorkerScope,
} from '../../../src/runtime/worker-protocol';

type Jobs = {
  count: { args: { to: number }; progress: number; result: string };
  forever: { args: null; progress: string; result: never };
  fail: { args: { why: string }; progress: never; result: never };
};

const macrotask = () => new Promise((r) => setTimeout(r, 0));
const open: MessagePort[] = [];
afterEach(() => open.splice(0).forEach((p) => p.close()));

/** A "worker" whose other end is serveJobs on a MessageChannel port. */
function channelWorker(): WorkerLike & { terminated: boolean } {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  serveJobs<Jobs>(
    {
      async count({ to }, { progress }) {
        for (let i = 1; i <= to; i++) progress(i);
        return `counted to ${to}`;
      },
      async forever(_, { signal, progress }) {
        try {
          while (!signal.aborted) await macrotask();
          throw new DOMException('stopped', 'AbortError');
        } finally {
          progress('last words'); // e.g. the weights reached, also when stopped
        }
      },
      async fail({ why }) {
        throw new Error(why);
      },
    },
    port2 as unknown as WorkerScope,
  );
  const w = {
    terminated: false,
    onmessage: null as WorkerLike['onmessage'],
    onerror: null as WorkerLike['onerror'],
    postMessage: (m: HostMessage) => port1.postMessage(m),
    terminate() {
      w.terminated = true;
      port1.close();
    },
  };
  port1.onmessage = (e) => w.onmessage?.(e as MessageEvent<WorkerMessage>);
  return w;
}

/** A worker that records what it is sent and replies only when told. */
class ScriptedWorker implements WorkerLike {
  sent: HostMessage[] = [];
  terminated = false;
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  postMessage(m: HostMessage) {
    this.sent.push(m);
  }
  reply(m: WorkerMessage) {
    this.onmessage?.({ data: m } as MessageEvent<WorkerMessage>);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('WorkerHost with serveJobs', () => {
  it('runs a job: progress in order through the callback, then the result; the worker is reused', async () => {
    const made: ReturnType<typeof channelWorker>[] = [];
    const host = new WorkerHost<Jobs>(() => made[made.push(channelWorker()) - 1]!);
    const seen: number[] = [];
    await expect(host.run('count', { to: 4 }, { onProgress: (n) => seen.push(n) })).resolves.toBe(
      'counted to 4',
    );
    expect(seen).toEqual([1, 2, 3, 4]);
    await expect(host.run('count', { to: 1 })).resolves.toBe('counted to 1');
    expect(made).toHaveLength(1);
    expect(host.running).toBe(0);
  });

  it('stops a job: the worker sees the abort, its last progress arrives, the run rejects with an AbortError', async () => {
    const host = new WorkerHost<Jobs>(channelWorker);
    const controller = new AbortController();
    const seen: string[] = [];
    const run = host.run('forever', null, { signal: controller.signal, onProgress: (p) => seen.push(p) });
    await macrotask();
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['last words']);
    await expect(host.run('count', { to: 2 })).resolves.toBe('counted to 2'); // the same worker, free again
    expect(host.workersStarted).toBe(1);
  });

  it('rejects with the worker job’s own error, and with a clear one for a job the worker lacks', async () => {
    const host = new WorkerHost<Jobs>(channelWorker);
    await expect(host.run('fail', { why: 'the loss became NaN' })).rejects.toThrow('the loss became NaN');
    const missing = host as unknown as WorkerHost<{ nope: { args: null; progress: never; result: never } }>;
    await expect(missing.run('nope', null)).rejects.toThrow('This worker has no job named "nope".');
    await expect(host.run('count', { to: 1 })).resolves.toBe('counted to 1');
  });

  it('does not start a worker for a job whose signal has already fired', async () => {
    let made = 0;
    const host = new WorkerHost<Jobs>(() => (made++, channelWorker()));
    await expect(host.run('count', { to: 1 }, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(made).toBe(0);
  });
});

describe('WorkerHost failures and stale messages', () => {
  it('ignores messages of settled jobs and of unknown ids', async () => {
    const w = new ScriptedWorker();
    const host = new WorkerHost<Jobs>(() => w);
    const seen: number[] = [];
    const first = host.run('count', { to: 3 }, { onProgress: (n) => seen.push(n) });
    const id = (w.sent[0] as { id: number }).id;
    w.reply({ kind: 'progress', id, data: 1 });
    w.reply({ kind: 'done', id, result: 'first' });
    await expect(first).resolves.toBe('first');
    w.reply({ kind: 'progress', id, data: 2 }); // stale
    w.reply({ kind: 'done', id: 999, result: 'nobody' });
    const second = host.run('count', { to: 1 });
    w.reply({ kind: 'done', id, result: 'stale result' });
    w.reply({ kind: 'done', id: (w.sent[1] as { id: number }).id, result: 'second' });
    await expect(second).resolves.toBe('second');
    expect(seen).toEqual([1]);
  });

  it('a worker that fails rejects its jobs with an Error saying so, and a fresh worker takes the next job', async () => {
    const workers: ScriptedWorker[] = [];
    const host = new WorkerHost<Jobs>(() => workers[workers.push(new ScriptedWorker()) - 1]!);
    const a = host.run('count', { to: 1 });
    const b = host.run('forever', null);
    workers[0]!.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    await expect(a).rejects.toThrow('The worker failed: out of memory');
    await expect(b).rejects.toThrow('The worker failed: out of memory');
    expect(workers[0]!.terminated).toBe(true);
    const c = host.run('count', { to: 1 });
    expect(workers).toHaveLength(2);
    workers[1]!.reply({ kind: 'done', id: (workers[1]!.sent[0] as { id: number }).id, result: 'ok' });
    await expect(c).resolves.toBe('ok');
  });

  it('terminates a worker that does not end a stopped job within the grace time', async () => {
    const workers: ScriptedWorker[] = [];
    const host = new WorkerHost<Jobs>(() => workers[workers.push(new ScriptedWorker()) - 1]!, {
      stopGraceMs: 0,
    });
    const controller = new AbortController();
    const stuck = host.run('forever', null, { signal: controller.signal });
    const bystander = host.run('count', { to: 1 });
    controller.abort();
    expect(workers[0]!.sent.at(-1)).toEqual({ kind: 'stop', id: 1 });
    await expect(stuck).rejects.toMatchObject({ name: 'AbortError' });
    await expect(bystander).rejects.toThrow('job forever did not stop within 0 ms');
    expect(workers[0]!.terminated).toBe(true);
    void host.run('count', { to: 1 }).catch(() => undefined);
    expect(host.workersStarted).toBe(2);
    host.terminate();
  });

  it('terminate() rejects the unsettled jobs with an AbortError', async () => {
    const w = new ScriptedWorker();
    const host = new WorkerHost<Jobs>(() => w);
    const run = host.run('forever', null);
    host.terminate();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(w.terminated).toBe(true);
    expect(host.running).toBe(0);
  });

  it('a progress callback that throws stops the job and rejects with its error', async () => {
    const w = new ScriptedWorker();
    const host = new WorkerHost<Jobs>(() => w);
    const run = host.run(
      'count',
      { to: 2 },
      {
        onProgress: () => {
          throw new Error('cannot draw');
        },
      },
    );
    w.reply({ kind: 'progress', id: 1, data: 1 });
    await expect(run).rejects.toThrow('cannot draw');
    expect(w.sent.at(-1)).toEqual({ kind: 'stop', id: 1 });
    host.terminate();
  });

  it('a worker that cannot be created rejects with a clear Error', async () => {
    const host = new WorkerHost<Jobs>(() => {
      throw new Error('workers are disabled');
    });
    await expect(host.run('count', { to: 1 })).rejects.toThrow(
      'The worker could not be started: workers are disabled',
    );
  });
});

// Recording a spoken answer with the microphone (getUserMedia + MediaRecorder). The audio stays in the page
// and then in the rehearsal store; nothing is uploaded. Failures become plain messages, never throws.

export interface Recording {
  blob: Blob;
  mimeType: string;
  durationMs: number;
}

/** Why recording cannot start, in words for the page; '' when it can. */
export function microphoneProblem(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return 'The microphone is blocked: allow it for this page in the browser, or type your answer instead.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return 'No microphone was found. Connect one, or type your answer instead.';
  if (name === 'NotReadableError')
    return 'The microphone is in use by another program. Close it, or type your answer instead.';
  return `Recording could not start (${error instanceof Error ? error.message : String(error)}). Type your answer instead.`;
}

export class ClipRecorder {
  private recorder: MediaRecorder | null = null;
  private stream: MediaStream | null = null;
  private chunks: Blob[] = [];
  private started = 0;

  get recording(): boolean {
    return this.recorder?.state === 'recording';
  }

  /** Starts recording; resolves to '' or to a message saying why it could not. */
  async start(): Promise<string> {
    if (this.recording) return '';
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined')
      return 'This browser cannot record audio here. Type your answer instead.';
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (e) {
      return microphoneProblem(e);
    }
    this.chunks = [];
    this.recorder = new MediaRecorder(this.stream);
    this.recorder.ondataavailable = (e) => {
      if (e.data.size > 0) this.chunks.push(e.data);
    };
    this.recorder.start(250);
    this.started = performance.now();
    return '';
  }

  /** Stops and returns the clip (null when nothing was recorded). */
  stop(): Promise<Recording | null> {
    const recorder = this.recorder;
    if (!recorder || recorder.state === 'inactive') {
      this.release();
      return Promise.resolve(null);
    }
    return new Promise((resolve) => {
      recorder.onstop = () => {
        const mimeType = recorder.mimeType || 'audio/webm';
        const blob = new Blob(this.chunks, { type: mimeType });
        const durationMs = performance.now() - this.started;
        this.release();
        resolve(blob.size > 0 ? { blob, mimeType, durationMs } : null);
      };
      recorder.stop();
    });
  }

  /** Stops the microphone without keeping anything (leaving the attempt). */
  cancel(): void {
    if (this.recorder && this.recorder.state !== 'inactive') {
      this.recorder.onstop = null;
      this.recorder.stop();
    }
    this.release();
  }

  private release(): void {
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = null;
    this.recorder = null;
  }
}

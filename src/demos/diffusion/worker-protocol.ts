// The messages between the diffusion cell and its worker (worker.ts, worker-client.ts): plain data only.
import type {
  DenoiserConfig,
  SampleFrame,
  SampleOptions,
  ScheduleKind,
  TrainOptions,
} from '../../../kernels/diffusion/index';

export type WorkerRequest =
  | {
      type: 'train';
      id: number;
      config: DenoiserConfig;
      params: Float64Array;
      data: Float64Array;
      schedule: ScheduleKind;
      options: Pick<TrainOptions, 'steps' | 'lr' | 'batchSize' | 'seed'>;
    }
  | {
      type: 'sample';
      id: number;
      config: DenoiserConfig;
      params: Float64Array;
      schedule: ScheduleKind;
      options: Pick<SampleOptions, 'n' | 'method' | 'steps' | 'seed'>;
    }
  | { type: 'stop'; id: number };

export type WorkerReply =
  /** Losses of the steps since the last report, and the weights after them. */
  | { type: 'train-progress'; id: number; losses: number[]; params: Float64Array; msPerStep: number }
  | { type: 'sample-frames'; id: number; frames: SampleFrame[] }
  | { type: 'done'; id: number }
  | { type: 'failed'; id: number; aborted: boolean; message: string };

// Voice activity detection on 32 ms windows (512 samples at 16 kHz), one stream per call.

export const VAD_WINDOW_SAMPLES = 512;
export const VAD_WINDOW_MS = 32;

export interface VadStream {
  /**
   * Queues one window (512 samples, float in [-1, 1]; the array is copied). `onResult` gets
   * the speech probability in [0, 1]; results come in submission order.
   */
  push(window: Float32Array, onResult: (probability: number) => void): void;
  close(): void;
}

export interface VadStreamOptions {
  /**
   * The call's audio came from an 8 kHz codec (G.711) and was upsampled to 16 kHz: an engine
   * may look at every other sample, since there is nothing above 4 kHz.
   */
  narrowband?: boolean;
}

export interface VadEngine {
  readonly name: string;
  createStream(options?: VadStreamOptions): VadStream;
}

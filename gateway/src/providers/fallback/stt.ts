// An STT session that moves to the next provider on a retryable failure, at open or later.
// Audio since the last final transcript is kept and replayed, so the next provider hears the
// utterance in progress from its start and nothing already final is transcribed twice.
import { toProviderError } from "../base/errors.ts";
import type { ProviderError, SttOptions, SttProvider, SttSession, TranscriptEvent } from "../types.ts";

/** Replay buffer cap: 30 s at 16 kHz. */
const MAX_REPLAY_SAMPLES = 16_000 * 30;

interface SttChoice {
  provider: SttProvider;
  /** Each provider has its own model names; these replace the session options' when set. */
  model?: string;
  language?: string;
}

export class FallbackStt implements SttProvider {
  readonly name: string;
  private readonly providers: SttProvider[];

  constructor(
    private readonly choices: SttChoice[],
    private readonly onSwitch?: (from: string, to: string, error: ProviderError) => void,
  ) {
    if (choices.length === 0) throw new Error("FallbackStt needs at least one provider");
    this.providers = choices.map((choice) => choice.provider);
    this.name = this.providers.map((provider) => provider.name).join(">");
  }

  async open(
    options: SttOptions,
    onTranscript: (event: TranscriptEvent) => void,
    onError: (error: ProviderError) => void,
  ): Promise<SttSession> {
    let index = 0;
    let current: SttSession | null = null;
    let flushed = false;
    let closed = false;
    let replay: Int16Array[] = [];
    let replaySamples = 0;

    const openAt = async (start: number): Promise<void> => {
      for (index = start; index < this.providers.length; index++) {
        const { provider, model, language } = this.choices[index] as SttChoice;
        const opened = index;
        try {
          current = await provider.open(
            { ...options, model: model ?? options.model, language: language ?? options.language },
            (event) => {
              if (opened !== index || closed) return;
              if (event.isFinal) {
                replay = [];
                replaySamples = 0;
                flushed = false;
              }
              onTranscript(event);
            },
            (error) => {
              if (opened !== index || closed) return;
              void failOver(error);
            },
          );
          for (const chunk of replay) current.sendAudio(chunk);
          if (flushed) current.flush();
          return;
        } catch (error) {
          const failure = toProviderError(provider.name, error);
          const next = this.providers[index + 1];
          if (!failure.retryable || !next) throw failure;
          this.onSwitch?.(provider.name, next.name, failure);
        }
      }
    };

    const failOver = async (error: ProviderError) => {
      const next = this.providers[index + 1];
      if (!error.retryable || !next) return onError(error);
      const failed = current;
      current = null;
      failed?.close().catch(() => {});
      this.onSwitch?.(this.providers[index]?.name ?? "?", next.name, error);
      try {
        await openAt(index + 1);
      } catch (openError) {
        onError(toProviderError(next.name, openError));
      }
    };

    await openAt(0);
    return {
      sendAudio(pcm: Int16Array) {
        if (replaySamples + pcm.length <= MAX_REPLAY_SAMPLES) {
          replay.push(pcm.slice());
          replaySamples += pcm.length;
        }
        current?.sendAudio(pcm);
      },
      flush() {
        flushed = true;
        current?.flush();
      },
      async close() {
        closed = true;
        await current?.close();
      },
    };
  }
}

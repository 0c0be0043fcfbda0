// What the endpointing processor needs of an end-of-turn audio model.

export interface EndOfTurnModel {
  readonly name: string;
  /**
   * The probability that the speaker's turn is over, from their last seconds of audio (16 kHz
   * mono floats; the model keeps the last 8 s). Calls in the same tick share one model run.
   */
  predict(audio: Float32Array): Promise<number>;
}

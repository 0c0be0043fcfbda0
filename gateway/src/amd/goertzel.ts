// The Goertzel algorithm: the power of one frequency in a block of samples, for a few
// frequencies far more cheaply than a full FFT (G. Goertzel, 1958).

/** |X(f)|² of `samples` at `frequencyHz`: a pure tone of amplitude A over N samples gives (A·N/2)². */
export function goertzelPower(samples: Int16Array, frequencyHz: number, sampleRateHz: number): number {
  const coefficient = 2 * Math.cos((2 * Math.PI * frequencyHz) / sampleRateHz);
  let previous = 0;
  let beforePrevious = 0;
  for (let i = 0; i < samples.length; i++) {
    const current = samples[i]! + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
}

/** Σx² of the block: the frame's energy. */
export function energyOf(samples: Int16Array): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]! * samples[i]!;
  return sum;
}

export function rmsOf(samples: Int16Array): number {
  return samples.length === 0 ? 0 : Math.sqrt(energyOf(samples) / samples.length);
}

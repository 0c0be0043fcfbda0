// Signal helpers shared by the media and RTP tests and benchmarks.

export function sine(
  frequencyHz: number,
  sampleRateHz: number,
  samples: number,
  amplitude = 8000,
  startSample = 0,
): Int16Array {
  const out = new Int16Array(samples);
  for (let index = 0; index < samples; index++) {
    out[index] = Math.round(
      amplitude * Math.sin((2 * Math.PI * frequencyHz * (startSample + index)) / sampleRateHz),
    );
  }
  return out;
}

/** Power of one frequency in a block (Goertzel), normalised by the block's total power. */
export function toneShare(samples: Int16Array, frequencyHz: number, sampleRateHz: number): number {
  const coefficient = 2 * Math.cos((2 * Math.PI * frequencyHz) / sampleRateHz);
  let previous = 0;
  let beforePrevious = 0;
  let total = 0;
  for (const sample of samples) {
    const current = sample + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
    total += sample * sample;
  }
  const power =
    previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
  return total === 0 ? 0 : (2 * power) / (samples.length * total);
}

export function rms(samples: Int16Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return samples.length === 0 ? 0 : Math.sqrt(sum / samples.length);
}

/** Best SNR in dB of `actual` against `reference` over lags 0..maxLag (filters add delay). */
export function snrDb(reference: Int16Array, actual: Int16Array, maxLag: number, skip: number): number {
  let best = Number.NEGATIVE_INFINITY;
  for (let lag = 0; lag <= maxLag; lag++) {
    let signal = 0;
    let noise = 0;
    for (let index = skip; index + lag < actual.length && index < reference.length; index++) {
      const expected = reference[index]!;
      const error = actual[index + lag]! - expected;
      signal += expected * expected;
      noise += error * error;
    }
    const snr = 10 * Math.log10(signal / Math.max(noise, 1e-9));
    if (snr > best) best = snr;
  }
  return best;
}

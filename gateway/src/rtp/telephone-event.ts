// RFC 4733 telephone-events: DTMF digits 0-9 * # A-D (section 3.2) carried in RTP.

const DIGITS = "0123456789*#ABCD";
export const TELEPHONE_EVENT_PAYLOAD_BYTES = 4;

export function dtmfEventCode(digit: string): number {
  const code = DIGITS.indexOf(digit.toUpperCase());
  if (code < 0 || digit.length !== 1) throw new RangeError(`not a DTMF digit: ${JSON.stringify(digit)}`);
  return code;
}

export function dtmfDigit(eventCode: number): string | null {
  return eventCode >= 0 && eventCode < DIGITS.length ? DIGITS[eventCode]! : null;
}

/**
 * Receives events and reports each digit once. Every packet of one event (start, updates
 * and the retransmitted end packets) carries the same RTP timestamp (section 2.5.1.2), so a
 * digit is reported on the first packet of a timestamp not seen before.
 */
export class TelephoneEventReceiver {
  // The last few events, so late end packets of a digit that arrive after the next digit
  // started (reordering) are still recognised as repeats.
  private readonly recentTimestamps = new Float64Array(4).fill(-1);
  private readonly recentEvents = new Int16Array(4).fill(-1);
  private nextSlot = 0;

  /** Returns the digit to report, or null for a repeat, a non-DTMF event or a malformed payload. */
  receive(rtpTimestamp: number, payload: Uint8Array, offset: number, length: number): string | null {
    if (length < TELEPHONE_EVENT_PAYLOAD_BYTES) return null;
    const event = payload[offset]!;
    for (let slot = 0; slot < this.recentTimestamps.length; slot++) {
      if (this.recentTimestamps[slot] === rtpTimestamp && this.recentEvents[slot] === event) return null;
    }
    this.recentTimestamps[this.nextSlot] = rtpTimestamp;
    this.recentEvents[this.nextSlot] = event;
    this.nextSlot = (this.nextSlot + 1) % this.recentTimestamps.length;
    return dtmfDigit(event);
  }
}

interface TelephoneEventPacket {
  /** First packet of the event: the marker bit is set (section 2.5.1.3). */
  marker: boolean;
  /** The E bit is set (the last three packets of the event). */
  end: boolean;
}

/**
 * Produces the payloads of one digit, one per 20 ms tick: a start packet, updates with a
 * growing duration, then three end packets with the final duration (section 2.5.1.4).
 */
export class TelephoneEventSender {
  private eventCode = 0;
  private step = 0;
  private toneSteps = 0;
  private active = false;
  static readonly END_PACKETS = 3;

  constructor(
    private readonly samplesPerTick: number,
    private readonly volumeDbm0 = 10,
  ) {}

  get isActive(): boolean {
    return this.active;
  }

  start(digit: string, durationMs: number, sampleRateHz: number): void {
    this.eventCode = dtmfEventCode(digit);
    this.toneSteps = Math.max(1, Math.round((durationMs * sampleRateHz) / 1000 / this.samplesPerTick));
    this.step = 0;
    this.active = true;
  }

  /** Writes the next payload into `out` at `offset`; returns marker/end flags, or null when done. */
  next(out: Uint8Array, offset: number): TelephoneEventPacket | null {
    if (!this.active) return null;
    const toneStep = Math.min(this.step, this.toneSteps - 1);
    const end = this.step >= this.toneSteps - 1;
    const durationSamples = (toneStep + 1) * this.samplesPerTick;
    out[offset] = this.eventCode;
    out[offset + 1] = (end ? 0x80 : 0) | (this.volumeDbm0 & 0x3f);
    out[offset + 2] = (durationSamples >>> 8) & 0xff;
    out[offset + 3] = durationSamples & 0xff;
    const packet = { marker: this.step === 0, end };
    this.step += 1;
    if (this.step >= this.toneSteps - 1 + TelephoneEventSender.END_PACKETS) this.active = false;
    return packet;
  }
}

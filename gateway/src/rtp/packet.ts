// RTP fixed header, CSRC list, header extension and padding per RFC 3550 section 5.1 and 5.3.1.

const RTP_VERSION = 2;
export const RTP_HEADER_BYTES = 12;

/** A parsed packet as offsets into the datagram, so parsing allocates nothing. */
interface RtpPacketView {
  marker: boolean;
  payloadType: number;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  csrcCount: number;
  hasExtension: boolean;
  /** Header extension profile (the 16 bits before its length), when hasExtension. */
  extensionProfile: number;
  paddingBytes: number;
  payloadOffset: number;
  payloadLength: number;
}

export function emptyRtpView(): RtpPacketView {
  return {
    marker: false,
    payloadType: 0,
    sequenceNumber: 0,
    timestamp: 0,
    ssrc: 0,
    csrcCount: 0,
    hasExtension: false,
    extensionProfile: 0,
    paddingBytes: 0,
    payloadOffset: 0,
    payloadLength: 0,
  };
}

/**
 * Parses `data` into `view`. Returns false for anything that is not a well-formed RTP
 * packet (wrong version, truncated header/CSRC/extension, bad padding count, RTCP payload
 * types 72-76 per RFC 5761 section 4), leaving the caller to drop it.
 */
export function parseRtp(data: Uint8Array, length: number, view: RtpPacketView): boolean {
  if (length < RTP_HEADER_BYTES) return false;
  const first = data[0]!;
  if (first >> 6 !== RTP_VERSION) return false;
  const hasPadding = (first & 0x20) !== 0;
  const hasExtension = (first & 0x10) !== 0;
  const csrcCount = first & 0x0f;
  const second = data[1]!;
  const payloadType = second & 0x7f;
  if (payloadType >= 72 && payloadType <= 76) return false;
  let offset = RTP_HEADER_BYTES + csrcCount * 4;
  if (offset > length) return false;
  let extensionProfile = 0;
  if (hasExtension) {
    if (offset + 4 > length) return false;
    extensionProfile = (data[offset]! << 8) | data[offset + 1]!;
    const extensionWords = (data[offset + 2]! << 8) | data[offset + 3]!;
    offset += 4 + extensionWords * 4;
    if (offset > length) return false;
  }
  let paddingBytes = 0;
  if (hasPadding) {
    paddingBytes = data[length - 1]!;
    if (paddingBytes === 0 || offset + paddingBytes > length) return false;
  }
  view.marker = (second & 0x80) !== 0;
  view.payloadType = payloadType;
  view.sequenceNumber = (data[2]! << 8) | data[3]!;
  view.timestamp = ((data[4]! << 24) | (data[5]! << 16) | (data[6]! << 8) | data[7]!) >>> 0;
  view.ssrc = ((data[8]! << 24) | (data[9]! << 16) | (data[10]! << 8) | data[11]!) >>> 0;
  view.csrcCount = csrcCount;
  view.hasExtension = hasExtension;
  view.extensionProfile = extensionProfile;
  view.paddingBytes = paddingBytes;
  view.payloadOffset = offset;
  view.payloadLength = length - offset - paddingBytes;
  return true;
}

/** Writes a 12-byte header (no CSRC, extension or padding) at the start of `out`. */
export function writeRtpHeader(
  out: Uint8Array,
  marker: boolean,
  payloadType: number,
  sequenceNumber: number,
  timestamp: number,
  ssrc: number,
): number {
  out[0] = RTP_VERSION << 6;
  out[1] = (marker ? 0x80 : 0) | (payloadType & 0x7f);
  out[2] = (sequenceNumber >>> 8) & 0xff;
  out[3] = sequenceNumber & 0xff;
  out[4] = timestamp >>> 24;
  out[5] = (timestamp >>> 16) & 0xff;
  out[6] = (timestamp >>> 8) & 0xff;
  out[7] = timestamp & 0xff;
  out[8] = ssrc >>> 24;
  out[9] = (ssrc >>> 16) & 0xff;
  out[10] = (ssrc >>> 8) & 0xff;
  out[11] = ssrc & 0xff;
  return RTP_HEADER_BYTES;
}

interface RtpPacketFields {
  marker?: boolean;
  payloadType: number;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  csrcs?: number[];
  extension?: { profile: number; data: Uint8Array };
  paddingBytes?: number;
  payload: Uint8Array;
}

/** Serializes a full packet (CSRC list, extension, padding); for tests and rare paths. */
export function serializeRtp(fields: RtpPacketFields): Uint8Array {
  const csrcs = fields.csrcs ?? [];
  if (csrcs.length > 15) throw new RangeError("at most 15 CSRCs");
  const extension = fields.extension;
  if (extension && extension.data.length % 4 !== 0)
    throw new RangeError("extension data must be whole 32-bit words");
  const paddingBytes = fields.paddingBytes ?? 0;
  if (paddingBytes > 255) throw new RangeError("at most 255 padding bytes");
  const extensionBytes = extension ? 4 + extension.data.length : 0;
  const headerBytes = RTP_HEADER_BYTES + csrcs.length * 4 + extensionBytes;
  const out = new Uint8Array(headerBytes + fields.payload.length + paddingBytes);
  writeRtpHeader(
    out,
    fields.marker ?? false,
    fields.payloadType,
    fields.sequenceNumber,
    fields.timestamp,
    fields.ssrc,
  );
  out[0] = out[0]! | (paddingBytes > 0 ? 0x20 : 0) | (extension ? 0x10 : 0) | csrcs.length;
  const view = new DataView(out.buffer);
  let offset = RTP_HEADER_BYTES;
  for (const csrc of csrcs) {
    view.setUint32(offset, csrc >>> 0);
    offset += 4;
  }
  if (extension) {
    view.setUint16(offset, extension.profile);
    view.setUint16(offset + 2, extension.data.length / 4);
    out.set(extension.data, offset + 4);
    offset += extensionBytes;
  }
  out.set(fields.payload, offset);
  if (paddingBytes > 0) out[out.length - 1] = paddingBytes;
  return out;
}

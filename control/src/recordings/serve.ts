import { parseRange } from "./range.ts";
import type { RecordingObject } from "./store.ts";

/** audio/wav with byte ranges: 200 whole, 206 one range, 416 past the end. */
export function recordingResponse(recording: RecordingObject, rangeHeader: string | null): Response {
  const size = recording.size;
  const common = { "content-type": "audio/wav", "accept-ranges": "bytes" };
  const range = parseRange(rangeHeader, size);
  if (range.kind === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...common, "content-range": `bytes */${size}` } });
  }
  if (range.kind === "partial") {
    return new Response(recording.body(range.start, range.end + 1), {
      status: 206,
      headers: {
        ...common,
        "content-range": `bytes ${range.start}-${range.end}/${size}`,
        "content-length": String(range.end - range.start + 1),
      },
    });
  }
  return new Response(recording.body(0, size), {
    status: 200,
    headers: { ...common, "content-length": String(size) },
  });
}

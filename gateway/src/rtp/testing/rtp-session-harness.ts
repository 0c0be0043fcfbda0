// Test support for RtpSession on loopback: sessions opened by openLoopbackSession on one shared
// media clock, bare UDP peers that record every RTP packet they get, and everything closed after
// the file's last test.
import { afterAll } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { udp } from "bun";
import { MediaClock } from "../../media/clock.ts";
import { emptyRtpView, parseRtp } from "../packet.ts";
import type { RtpSession, RtpSessionOptions } from "../session.ts";
import { openLoopbackSession } from "./loopback-session.ts";

/** One RTP packet as a raw peer received it. */
export interface CapturedRtp {
  marker: boolean;
  payloadType: number;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  payload: Uint8Array;
}

export interface RawRtpPeer {
  socket: udp.Socket<"uint8array">;
  packets: CapturedRtp[];
  port: number;
}

export class RtpSessionHarness {
  readonly clock = new MediaClock();
  private readonly opened: RtpSession[] = [];
  private readonly rawSockets: udp.Socket<"uint8array">[] = [];
  private directory: string | null = null;

  constructor() {
    afterAll(async () => {
      for (const session of this.opened) await session.close();
      for (const socket of this.rawSockets) socket.close();
      if (this.directory) rmSync(this.directory, { recursive: true, force: true });
    });
  }

  /** A path in the file's temporary directory, removed after the last test. */
  tempPath(fileName: string): string {
    this.directory ??= mkdtempSync(join(tmpdir(), "rtp-session-"));
    return join(this.directory, fileName);
  }

  /** A PCMU session on an ephemeral loopback port with telephone-event 101 and no remote yet. */
  async openSession(overrides: Partial<RtpSessionOptions> = {}): Promise<RtpSession> {
    const session = await openLoopbackSession(this.clock, overrides);
    this.opened.push(session);
    return session;
  }

  /** A bare UDP peer that records every RTP packet it gets. */
  async rawPeer(): Promise<RawRtpPeer> {
    const packets: CapturedRtp[] = [];
    const view = emptyRtpView();
    const socket = await Bun.udpSocket({
      hostname: "127.0.0.1",
      port: 0,
      binaryType: "uint8array",
      socket: {
        data(_socket, data) {
          if (!parseRtp(data, data.length, view)) return;
          packets.push({
            marker: view.marker,
            payloadType: view.payloadType,
            sequenceNumber: view.sequenceNumber,
            timestamp: view.timestamp,
            ssrc: view.ssrc,
            payload: data.slice(view.payloadOffset, view.payloadOffset + view.payloadLength),
          });
        },
      },
    });
    this.rawSockets.push(socket);
    return { socket, packets, port: socket.port };
  }
}

/** Every 20 ms frame the session delivers, copied as it arrives. */
export function collectFrames(session: RtpSession): Int16Array[] {
  const frames: Int16Array[] = [];
  session.onFrame((frame) => frames.push(frame.slice()));
  return frames;
}

/** 320-sample (20 ms at 16 kHz) frames joined end to end. */
export function concatFrames(frames: Int16Array[]): Int16Array {
  const out = new Int16Array(frames.length * 320);
  for (const [index, frame] of frames.entries()) out.set(frame, index * 320);
  return out;
}

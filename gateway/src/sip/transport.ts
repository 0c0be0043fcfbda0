// SIP over UDP and TCP on one port (RFC 3261 §18). TCP frames messages by Content-Length;
// a connection that sends garbage is closed. Responses over TCP go back on the connection
// the request came in on; requests to a peer reuse its open connection when there is one.

import type { Logger } from "@switchboard/shared/logger";
import { socketHost } from "@switchboard/shared/sip/uri";
import type { Socket, TCPSocketListener } from "bun";
import {
  MAX_MESSAGE_BYTES,
  type ParseResult,
  parseMessage,
  type SipMessage,
  serializeMessage,
} from "./message.ts";

export type TransportName = "UDP" | "TCP";

export interface SipPeer {
  transport: TransportName;
  address: string;
  port: number;
}

type MessageHandler = (result: ParseResult, peer: SipPeer) => void;

interface Connection {
  buffer: Buffer;
  peer: SipPeer;
}

const CONNECT_TIMEOUT_MS = 5000;

export function peerKey(peer: SipPeer): string {
  return `${peer.transport}|${socketHost(peer.address)}|${peer.port}`;
}

export class SipTransport {
  private constructor(
    private readonly udp: Bun.udp.Socket<"buffer">,
    private readonly tcp: TCPSocketListener<Connection>,
    private readonly log: Logger,
    private readonly handler: { current: MessageHandler },
    private readonly connections: Map<string, Socket<Connection>>,
  ) {}

  /** Binds UDP and TCP on `port` (0 picks a free port that both can use). */
  static async start(options: { bindAddress: string; port: number; log: Logger }): Promise<SipTransport> {
    const handler: { current: MessageHandler } = { current: () => {} };
    const attempts = options.port === 0 ? 20 : 1;
    let lastError: unknown = null;
    for (let attempt = 0; attempt < attempts; attempt++) {
      const udp = await Bun.udpSocket({
        hostname: options.bindAddress,
        port: options.port,
        socket: {
          data(_socket, data, port, address) {
            dispatchDatagram(handler.current, data, { transport: "UDP", address, port });
          },
          error(_socket, error) {
            // ICMP port unreachable from a peer that went away surfaces here; not fatal.
            options.log.debug({ err: error }, "sip udp socket error");
          },
        },
      });
      try {
        const connections = new Map<string, Socket<Connection>>();
        const tcp = Bun.listen<Connection>({
          hostname: options.bindAddress,
          port: udp.port,
          socket: tcpHandlers(handler, connections, options.log),
          data: { buffer: Buffer.alloc(0), peer: { transport: "TCP", address: "", port: 0 } },
        });
        return new SipTransport(udp, tcp, options.log, handler, connections);
      } catch (error) {
        lastError = error;
        udp.close();
      }
    }
    throw lastError;
  }

  get port(): number {
    return this.udp.port;
  }

  onMessage(handler: MessageHandler): void {
    this.handler.current = handler;
  }

  async send(message: SipMessage, peer: SipPeer): Promise<void> {
    const bytes = serializeMessage(message);
    if (peer.transport === "UDP") {
      this.udp.send(bytes, peer.port, socketHost(peer.address));
      return;
    }
    let socket = this.connections.get(peerKey(peer));
    if (!socket) socket = await this.connect(peer);
    socket.write(bytes);
  }

  private async connect(peer: SipPeer): Promise<Socket<Connection>> {
    const connections = this.connections;
    const socket = await Promise.race([
      Bun.connect<Connection>({
        hostname: socketHost(peer.address),
        port: peer.port,
        socket: tcpHandlers(this.handler, connections, this.log),
        data: { buffer: Buffer.alloc(0), peer },
      }),
      Bun.sleep(CONNECT_TIMEOUT_MS).then(() => {
        throw new Error("TCP connect timed out");
      }),
    ]);
    connections.set(peerKey(peer), socket);
    return socket;
  }

  async close(): Promise<void> {
    for (const socket of this.connections.values()) socket.end();
    this.connections.clear();
    this.tcp.stop(true);
    this.udp.close();
  }
}

function dispatchDatagram(handler: MessageHandler, data: Buffer, peer: SipPeer): void {
  // Keep-alive datagrams (CRLF) carry no message.
  if (data.length <= 4 && data.every((byte) => byte === 0x0d || byte === 0x0a)) return;
  handler(parseMessage(data, false)!, peer);
}

function tcpHandlers(
  handler: { current: MessageHandler },
  connections: Map<string, Socket<Connection>>,
  log: Logger,
): Bun.SocketHandler<Connection> {
  return {
    open(socket) {
      if (!socket.data.peer.address) {
        socket.data.peer = { transport: "TCP", address: socket.remoteAddress, port: socket.remotePort };
      }
      connections.set(peerKey(socket.data.peer), socket);
    },
    data(socket, chunk) {
      const connection = socket.data;
      connection.buffer = connection.buffer.length === 0 ? chunk : Buffer.concat([connection.buffer, chunk]);
      while (connection.buffer.length > 0) {
        const result = parseMessage(connection.buffer, true);
        if (result === null) {
          if (connection.buffer.length > MAX_MESSAGE_BYTES) socket.end();
          return;
        }
        if (!result.ok && result.request === null) {
          // RFC 3261 §18.3: without a reliable frame the stream cannot be resynchronised.
          log.debug({ peer: connection.peer, reason: result.reason }, "sip tcp stream unreadable, closing");
          connection.buffer = Buffer.alloc(0);
          socket.end();
          return;
        }
        connection.buffer = result.ok ? connection.buffer.subarray(result.bytes) : Buffer.alloc(0);
        handler.current(result, connection.peer);
      }
    },
    close(socket) {
      const key = peerKey(socket.data.peer);
      if (connections.get(key) === socket) connections.delete(key);
    },
    error(_socket, error) {
      log.debug({ err: error }, "sip tcp socket error");
    },
  };
}

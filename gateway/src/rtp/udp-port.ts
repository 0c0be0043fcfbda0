import type { udp } from "bun";

export type UdpSocket = udp.Socket<"uint8array">;
type DatagramHandler = (data: Uint8Array, port: number, address: string) => void;

class NoFreePortError extends Error {
  constructor(portMin: number, portMax: number) {
    super(`no free UDP port in ${portMin}..${portMax}`);
  }
}

/**
 * Binds one UDP socket on an even port (RFC 3550 section 11: RTP on even, RTCP on the next
 * odd port) picked at random in portMin..portMax; portMin 0 asks the OS for any free port.
 */
export async function bindRtpSocket(
  bindAddress: string,
  portMin: number,
  portMax: number,
  onDatagram: DatagramHandler,
  onSocketError: () => void,
  maxAttempts = 64,
): Promise<UdpSocket> {
  const handler: udp.SocketHandler<"uint8array"> = {
    data(_socket, data, port, address) {
      onDatagram(data, port, address);
    },
    // ICMP port unreachable from a peer that has gone away surfaces here (ECONNREFUSED);
    // RTP is fire-and-forget, so it is only counted.
    error() {
      onSocketError();
    },
  };
  if (portMin === 0) {
    return Bun.udpSocket({ hostname: bindAddress, port: 0, binaryType: "uint8array", socket: handler });
  }
  const firstEven = portMin + (portMin % 2);
  const evenPorts = Math.floor((portMax - firstEven) / 2) + 1;
  if (evenPorts <= 0) throw new NoFreePortError(portMin, portMax);
  const startIndex = Math.floor(Math.random() * evenPorts);
  const attempts = Math.min(maxAttempts, evenPorts);
  for (let attempt = 0; attempt < attempts; attempt++) {
    const port = firstEven + ((startIndex + attempt) % evenPorts) * 2;
    try {
      return await Bun.udpSocket({ hostname: bindAddress, port, binaryType: "uint8array", socket: handler });
    } catch (error) {
      if ((error as { code?: string }).code !== "EADDRINUSE") throw error;
    }
  }
  throw new NoFreePortError(portMin, portMax);
}

// werift's ICE sockets (its UdpTransport) have no 'error' listener. An ICMP port-unreachable
// for an earlier datagram (a browser that went away, a candidate pair that was never there)
// comes back as an 'error' event on the socket's next read (`recvmsg ECONNREFUSED`), and an
// 'error' event nobody listens to is thrown: one such datagram would take the gateway down
// with every call on it. Every werift UDP socket gets a listener that counts and drops these
// errors (ICE consent freshness, RFC 7675, notices a peer that is really gone), and a bind
// that fails rejects the socket's set-up instead of throwing.
import { UdpTransport } from "werift";

/** Errors reported by werift's UDP sockets after they were bound, dropped. */
export const weriftSocketErrors = { count: 0 };

let installed = false;

export function guardWeriftUdpSockets(): void {
  if (installed) return;
  installed = true;
  // `init` (bind, then wait for 'listening') is private in werift's types; ICE calls it on
  // every socket it opens, so it is where the guard goes.
  const prototype = UdpTransport.prototype as unknown as { init(this: UdpTransport): Promise<void> };
  const bind = prototype.init;
  prototype.init = async function guardedInit(this: UdpTransport): Promise<void> {
    const socket = this.socket;
    let bound = false;
    socket.on("error", () => {
      if (bound) weriftSocketErrors.count += 1;
    });
    const bindFailed = new Promise<never>((_, reject) => socket.once("error", reject));
    bindFailed.catch(() => {});
    await Promise.race([bind.call(this), bindFailed]);
    bound = true;
  };
}

// Opening a provider WebSocket with headers (Bun's client takes them), as a promise that
// rejects with a classified ProviderError. A refused upgrade's HTTP status is only in the
// error message ("Expected 101 status code: 401").
import { isRetryableStatus, ProviderError } from "../types.ts";
import { ProviderAbortError } from "./errors.ts";

export function toWebSocketUrl(baseUrl: string, path: string, query: Record<string, string>): string {
  const url = new URL(`${baseUrl.replace(/\/+$/, "")}${path}`);
  if (url.protocol === "http:") url.protocol = "ws:";
  if (url.protocol === "https:") url.protocol = "wss:";
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}

export function openWebSocket(
  provider: string,
  url: string,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ProviderAbortError());
    const socket = new WebSocket(url, { headers } as unknown as string[]);
    socket.binaryType = "arraybuffer";
    const cleanup = () => {
      socket.removeEventListener("open", onOpen);
      socket.removeEventListener("error", onError);
      socket.removeEventListener("close", onClose);
      signal?.removeEventListener("abort", onAbort);
    };
    const onOpen = () => {
      cleanup();
      resolve(socket);
    };
    const onError = (event: Event) => {
      cleanup();
      reject(upgradeError(provider, (event as ErrorEvent).message ?? "connection failed"));
    };
    const onClose = (event: CloseEvent) => {
      cleanup();
      reject(new ProviderError(provider, `closed while connecting (${event.code})`, true));
    };
    const onAbort = () => {
      cleanup();
      socket.close();
      reject(new ProviderAbortError());
    };
    socket.addEventListener("open", onOpen);
    socket.addEventListener("error", onError);
    socket.addEventListener("close", onClose);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function upgradeError(provider: string, message: string): ProviderError {
  const status = Number(/status code: (\d{3})/.exec(message)?.[1]);
  if (Number.isInteger(status) && status > 0) {
    return new ProviderError(
      provider,
      `upgrade refused with HTTP ${status}`,
      isRetryableStatus(status),
      status,
    );
  }
  return new ProviderError(provider, `connection failed: ${message}`, true);
}

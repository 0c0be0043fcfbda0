// Injected failures and observed traffic, shared by the stand-in servers.

/** Wait between the last chunk sent and an injected connection drop. */
export const DROP_DELAY_MS = 100;

export type StandInService =
  | "chat"
  | "speech"
  | "transcription"
  | "deepgram"
  | "elevenlabs"
  | "openai-realtime"
  | "openai-transcription"
  | "gemini-live";

export interface Fault {
  /** Answer with this HTTP status (WebSocket services refuse the upgrade with it). */
  status?: number;
  /** Accept the request and never answer (for timeout handling). */
  stall?: boolean;
  /** Stream this many chunks, then break the connection (chat and speech only). */
  dropAfterChunks?: number;
}

interface ServiceStats {
  requests: number;
  /** Requests whose client went away before the response was complete. */
  aborted: number;
  completed: number;
  /** Scripted answers handed out so far (the next one is this index, cycling). */
  scripted: number;
  /** Control messages seen (KeepAlive, Finalize, CloseStream, BOS, EOS...), by type. */
  messages: Record<string, number>;
  /** Bodies (or first messages) of the last requests, newest last, at most 20. */
  bodies: unknown[];
}

export class StandInState {
  private readonly faults = new Map<StandInService, Fault[]>();
  readonly stats = new Map<StandInService, ServiceStats>();

  /** The next `count` requests to `service` fail with `fault`. */
  failNext(service: StandInService, fault: Fault, count = 1): void {
    const queue = this.faults.get(service) ?? [];
    for (let i = 0; i < count; i++) queue.push(fault);
    this.faults.set(service, queue);
  }

  takeFault(service: StandInService): Fault | undefined {
    return this.faults.get(service)?.shift();
  }

  of(service: StandInService): ServiceStats {
    let entry = this.stats.get(service);
    if (!entry) {
      entry = { requests: 0, aborted: 0, completed: 0, scripted: 0, messages: {}, bodies: [] };
      this.stats.set(service, entry);
    }
    return entry;
  }

  request(service: StandInService, body: unknown): ServiceStats {
    const entry = this.of(service);
    entry.requests += 1;
    entry.bodies.push(body);
    if (entry.bodies.length > 20) entry.bodies.shift();
    return entry;
  }

  message(service: StandInService, type: string): void {
    const entry = this.of(service);
    entry.messages[type] = (entry.messages[type] ?? 0) + 1;
  }

  reset(): void {
    this.faults.clear();
    this.stats.clear();
  }
}

export function faultResponse(
  fault: Fault,
  signal: AbortSignal,
  stats: ServiceStats,
): Response | Promise<Response> {
  if (fault.stall) {
    return new Promise((resolve) => {
      signal.addEventListener(
        "abort",
        () => {
          stats.aborted += 1;
          resolve(new Response(null, { status: 499 }));
        },
        { once: true },
      );
    });
  }
  const status = fault.status ?? 500;
  return Response.json(
    { error: { message: `injected failure ${status}`, type: "stand_in_fault", code: status } },
    { status, headers: status === 429 ? { "retry-after": "0" } : {} },
  );
}

// Turn detection by the gateway (`turn_detection: "gateway"`): its VAD opens the caller's turn
// at the model, and `endpointing.silence_ms` of silence after the speech commits it. With the
// server's turn detection this does nothing.
import type { PipelineClock, TimerHandle } from "../pipeline/clock.ts";
import type { RealtimeSession } from "./session.ts";

export class GatewayTurns {
  /** The caller's turn is open at the model. */
  private turnOpen = false;
  private endpointTimer: TimerHandle | null = null;

  constructor(
    private readonly enabled: boolean,
    private readonly clock: PipelineClock,
    private readonly silenceMs: number,
    /** Null until the session is connected. */
    private readonly session: () => RealtimeSession | null,
  ) {}

  /** The caller spoke again: the turn is not committed yet. */
  speechStarted(): void {
    this.endpointTimer?.cancel();
    this.endpointTimer = null;
  }

  /** The caller takes the floor: the turn opens at the model. */
  open(): void {
    if (!this.enabled || this.turnOpen) return;
    this.turnOpen = true;
    this.session()?.startTurn();
  }

  /** The caller stopped speaking: the open turn is committed after the endpointing silence. */
  speechStopped(): void {
    if (!this.enabled || !this.turnOpen) return;
    this.endpointTimer = this.clock.setTimer(this.silenceMs, () => {
      this.endpointTimer = null;
      this.turnOpen = false;
      this.session()?.commitTurn();
    });
  }

  cancel(): void {
    this.endpointTimer?.cancel();
  }
}

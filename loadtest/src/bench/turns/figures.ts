// The turn-taking figures of one mode, from what the callers heard (on their own clock) and
// the turns the gateway reported. Every figure is a count or a delay on the audio's timeline.
import type { TranscriptTurn } from "@switchboard/shared/events";
import type { CallRecord, PlayedTurn } from "./caller.ts";

/** Turns whose end the gateway has to find (backchannels are not turns). */
const ENDING_KINDS = new Set(["complete", "paused", "digits", "one_word"]);
/** An answer later than this after the real end is no answer to this turn. */
const MAX_REPLY_DELAY_MS = 5_000;
/** Around the caller's own speech, an interruption is the caller's (not the echo's). */
const SPEECH_MARGIN_BEFORE_MS = 100;
const SPEECH_MARGIN_AFTER_MS = 1_000;

export interface GatewayTurn {
  callKey: string;
  turn: TranscriptTurn;
}

interface Distribution {
  n: number;
  p50: number | null;
  p95: number | null;
}

export interface ModeFigures {
  mode: string;
  calls: number;
  failedCalls: number;
  turns: Record<string, number>;
  falseCutoffs: { count: number; of: number; percent: number; byKind: Record<string, [number, number]> };
  /** From the real end of the caller's speech to the agent's first audio, uncut turns. */
  replyDelayMs: Distribution & { byKind: Record<string, Distribution> };
  /** The gateway's own: its speech end to its end of turn (by kind: the answer to that turn). */
  endpointingMs: Distribution & { byKind: Record<string, Distribution> };
  echoInterruptions: { count: number; echoCalls: number; agentTurnsOnEchoCalls: number };
  /** resumed: of those that interrupted, the agent went on with no caller turn answered. */
  /**
   * `held`: the agent's audio paused during the backchannel and went on in the same turn (a
   * hold while the words were judged), as heard at the caller.
   */
  backchannels: { count: number; interrupted: number; answered: number; resumed: number; held: number };
  preemptive: { replies: number; agentTurns: number; savedMs: Distribution };
}

function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : null;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95) };
}

export function modeFigures(
  mode: string,
  records: CallRecord[],
  gatewayTurns: GatewayTurn[],
  /** Date.now() - performance.now() in the benchmark's process. */
  epochOffsetMs: number,
): ModeFigures {
  const at = (iso: string) => Date.parse(iso) - epochOffsetMs;
  const turnsOf = (key: string, role: "user" | "agent") =>
    gatewayTurns
      .filter((entry) => entry.callKey === key && entry.turn.role === role)
      .map((entry) => entry.turn);

  const kinds: Record<string, number> = {};
  const cutoffsByKind: Record<string, [number, number]> = {};
  const delays: number[] = [];
  const delaysByKind: Record<string, number[]> = {};
  const endpointingByKind: Record<string, number[]> = {};
  let cutoffs = 0;
  let ending = 0;
  let backchannels = 0;
  let backchannelInterruptions = 0;
  let backchannelsAnswered = 0;
  let backchannelsResumed = 0;
  let backchannelsHeld = 0;
  let echoInterruptions = 0;
  let agentTurnsOnEchoCalls = 0;

  for (const record of records) {
    const userTurns = turnsOf(record.key, "user");
    const agentTurns = turnsOf(record.key, "agent");
    if (record.echo) agentTurnsOnEchoCalls += agentTurns.length;
    record.turns.forEach((played: PlayedTurn, index) => {
      kinds[played.kind] = (kinds[played.kind] ?? 0) + 1;
      const startAt = played.speech[0]!.startAtMs;
      const nextStartAt = record.turns[index + 1]?.speech[0]?.startAtMs ?? Number.POSITIVE_INFINITY;
      const usersInWindow = userTurns.filter((turn) => {
        const endedAt = at(turn.ended_at);
        return endedAt >= startAt && endedAt < nextStartAt;
      });
      if (played.kind === "backchannel") {
        backchannels++;
        const endAt = played.realEndAtMs;
        const interrupted = agentTurns.find((turn) => {
          const endedAt = at(turn.ended_at);
          return turn.interrupted && endedAt >= startAt && endedAt <= endAt + SPEECH_MARGIN_AFTER_MS;
        });
        if (interrupted) backchannelInterruptions++;
        // The agent's voice came back after a pause (an onset), with no turn cut and no answer:
        // held and resumed.
        else if (
          usersInWindow.length === 0 &&
          played.agentOnsetsAtMs.some((onset) => onset > startAt && onset < nextStartAt)
        )
          backchannelsHeld++;
        if (usersInWindow.length > 0) backchannelsAnswered++;
        // The agent carried on (its unheard rest spoken) before the caller's next turn.
        else if (
          interrupted &&
          agentTurns.some((turn) => {
            const startedAt = at(turn.started_at);
            return startedAt >= at(interrupted.ended_at) && startedAt < nextStartAt;
          })
        )
          backchannelsResumed++;
        return;
      }
      if (!ENDING_KINDS.has(played.kind)) return;
      ending++;
      cutoffsByKind[played.kind] ??= [0, 0];
      const byKind = cutoffsByKind[played.kind]!;
      byKind[1]++;
      // Cut off: the agent spoke before the caller had finished, or the gateway made two turns of one.
      const agentSpokeEarly = played.agentOnsetsAtMs.some(
        (onset) => onset > startAt && onset < played.realEndAtMs,
      );
      if (agentSpokeEarly || usersInWindow.length > 1) {
        cutoffs++;
        byKind[0]++;
        return;
      }
      const reply = played.agentOnsetsAtMs.find((onset) => onset >= played.realEndAtMs);
      if (reply !== undefined && reply - played.realEndAtMs <= MAX_REPLY_DELAY_MS) {
        delays.push(reply - played.realEndAtMs);
        delaysByKind[played.kind] ??= [];
        delaysByKind[played.kind]!.push(reply - played.realEndAtMs);
        // The agent turn that answered: the first one to start after the real end.
        const answer = agentTurns.find((turn) => at(turn.started_at) >= played.realEndAtMs);
        const endpointing = answer?.latency?.endpointing_ms;
        if (typeof endpointing === "number") {
          endpointingByKind[played.kind] ??= [];
          endpointingByKind[played.kind]!.push(endpointing);
        }
      }
    });
    if (record.echo) {
      for (const turn of agentTurns) {
        if (!turn.interrupted) continue;
        const endedAt = at(turn.ended_at);
        const callerNear = record.callerSpeech.some(
          (span) =>
            endedAt >= span.startAtMs - SPEECH_MARGIN_BEFORE_MS &&
            endedAt <= span.endAtMs + SPEECH_MARGIN_AFTER_MS,
        );
        if (!callerNear) echoInterruptions++;
      }
    }
  }

  const allAgentTurns = gatewayTurns
    .filter((entry) => entry.turn.role === "agent")
    .map((entry) => entry.turn);
  const preemptive = allAgentTurns.filter((turn) => turn.latency?.preemptive === true);
  return {
    mode,
    calls: records.length,
    failedCalls: records.filter((record) => record.failed !== null).length,
    turns: kinds,
    falseCutoffs: {
      count: cutoffs,
      of: ending,
      percent: ending ? Math.round((1000 * cutoffs) / ending) / 10 : 0,
      byKind: cutoffsByKind,
    },
    replyDelayMs: {
      ...distribution(delays),
      byKind: Object.fromEntries(
        Object.entries(delaysByKind).map(([kind, values]) => [kind, distribution(values)]),
      ),
    },
    endpointingMs: {
      ...distribution(
        allAgentTurns
          .map((turn) => turn.latency?.endpointing_ms)
          .filter((value): value is number => typeof value === "number"),
      ),
      byKind: Object.fromEntries(
        Object.entries(endpointingByKind).map(([kind, values]) => [kind, distribution(values)]),
      ),
    },
    echoInterruptions: {
      count: echoInterruptions,
      echoCalls: records.filter((record) => record.echo).length,
      agentTurnsOnEchoCalls,
    },
    backchannels: {
      count: backchannels,
      interrupted: backchannelInterruptions,
      answered: backchannelsAnswered,
      resumed: backchannelsResumed,
      held: backchannelsHeld,
    },
    preemptive: {
      replies: preemptive.length,
      agentTurns: allAgentTurns.length,
      savedMs: distribution(
        preemptive
          .map((turn) => turn.latency?.preemptive_saved_ms)
          .filter((value): value is number => typeof value === "number"),
      ),
    },
  };
}

// Answering-machine detection on outbound calls: what a request (or a campaign) asks for, and
// the verdict the call record carries.
import { type Static, Type } from "@sinclair/typebox";
import { StringEnum } from "./kit.ts";

export const ANSWERED_BY = ["human", "machine", "unknown"] as const;
export type AnsweredBy = (typeof ANSWERED_BY)[number];

export const AMD_MACHINE_ACTIONS = ["hangup", "leave_message"] as const;
export type AmdMachineAction = (typeof AMD_MACHINE_ACTIONS)[number];

export const AMD_DEFAULT_TIMEOUT_MS = 3500;

export const AmdSettingsSchema = Type.Object({
  enabled: Type.Boolean(),
  on_machine: StringEnum(AMD_MACHINE_ACTIONS, {
    description:
      "`hangup` ends the call on a machine; `leave_message` waits for the beep, speaks `message`, then hangs up.",
  }),
  message: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 2000,
      description: "Spoken after the beep with `leave_message`; `{{variables}}` from the call's metadata.",
    }),
  ),
  timeout_ms: Type.Optional(
    Type.Integer({
      minimum: 1000,
      maximum: 10000,
      description: `The longest the verdict may take from the answer (default ${AMD_DEFAULT_TIMEOUT_MS}); undecided by then is \`unknown\`, treated as a human.`,
    }),
  ),
});

export type AmdSettings = Static<typeof AmdSettingsSchema>;

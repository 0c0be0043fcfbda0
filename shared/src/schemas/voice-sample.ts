// The body of POST /agents/{agent_id}/voice-sample: the API's schema derives from this.
import { type Static, Type } from "@sinclair/typebox";
import { DEFAULT_VOICE_SAMPLE_TEXT, VOICE_SAMPLE_MAX_TEXT_CHARS } from "../voice-sample/messages.ts";
import { STRICT } from "./kit.ts";

export const VoiceSampleBodySchema = Type.Object(
  {
    text: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: VOICE_SAMPLE_MAX_TEXT_CHARS,
        description: `What the voice says; omitted: "${DEFAULT_VOICE_SAMPLE_TEXT}"`,
      }),
    ),
  },
  STRICT,
);
export type VoiceSampleBody = Static<typeof VoiceSampleBodySchema>;

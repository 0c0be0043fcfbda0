// `npm run stand-ins`: starts the stand-in providers and prints one line per service, ready to
// put in the gateway's environment. Runs until interrupted. STAND_IN_SCRIPT may hold a JSON
// PartialScript (script.ts): replies, tool calls, latencies, required API keys.
import { type PartialScript, startStandIns } from "./index.ts";

const scriptJson = process.env.STAND_IN_SCRIPT;
const standIns = startStandIns(scriptJson ? (JSON.parse(scriptJson) as PartialScript) : {});
process.stdout.write(
  `OPENAI_BASE_URL=${standIns.urls.openai}\nDEEPGRAM_BASE_URL=${standIns.urls.deepgram}\nELEVENLABS_BASE_URL=${standIns.urls.elevenlabs}\nGEMINI_BASE_URL=${standIns.urls.gemini}\n`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void standIns.stop().then(() => process.exit(0));
  });
}

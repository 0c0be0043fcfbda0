// `npm run stand-ins`: starts the stand-in providers and prints one line per service, ready to
// put in the gateway's environment. Runs until interrupted.
import { startStandIns } from "./index.ts";

const standIns = startStandIns();
process.stdout.write(
  `OPENAI_BASE_URL=${standIns.urls.openai}\nDEEPGRAM_BASE_URL=${standIns.urls.deepgram}\nELEVENLABS_BASE_URL=${standIns.urls.elevenlabs}\n`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void standIns.stop().then(() => process.exit(0));
  });
}

// The stand-in providers in their own process, with the script given as JSON in
// BENCH_STAND_IN_SCRIPT (a PartialScript), so a load run's providers do not share a core
// with the gateway or the caller.
import { type PartialScript, startStandIns } from "@switchboard/stand-ins/index";

const script = JSON.parse(process.env.BENCH_STAND_IN_SCRIPT ?? "{}") as PartialScript;
const standIns = startStandIns(script);
process.stdout.write(`OPENAI_BASE_URL=${standIns.urls.openai}\n`);
process.on("SIGTERM", () => {
  void standIns.stop().then(() => process.exit(0));
});

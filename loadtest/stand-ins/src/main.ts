// `npm run stand-ins`: starts the stand-in providers and prints one line per service, ready to
// put in the gateway's environment. Runs until interrupted. STAND_IN_SCRIPT may hold a JSON
// PartialScript (script.ts): replies, tool calls, latencies, required API keys.
import { type PartialScript, startStandIns } from "./index.ts";

const scriptJson = process.env.STAND_IN_SCRIPT;
const standIns = startStandIns(scriptJson ? (JSON.parse(scriptJson) as PartialScript) : {});
const { twilio, telnyx, stripe } = standIns.carriers;
process.stdout.write(
  [
    `OPENAI_BASE_URL=${standIns.urls.openai}`,
    `DEEPGRAM_BASE_URL=${standIns.urls.deepgram}`,
    `ELEVENLABS_BASE_URL=${standIns.urls.elevenlabs}`,
    `GEMINI_BASE_URL=${standIns.urls.gemini}`,
    `TWILIO_BASE_URL=${twilio.url}`,
    `TWILIO_ACCOUNT_SID=${twilio.accountSid}`,
    `TWILIO_AUTH_TOKEN=${twilio.authToken}`,
    `TELNYX_BASE_URL=${telnyx.url}`,
    `TELNYX_API_KEY=${telnyx.apiKey}`,
    `TELNYX_PUBLIC_KEY=${telnyx.publicKey}`,
    `STRIPE_BASE_URL=${stripe.url}`,
    `STRIPE_SECRET_KEY=${stripe.secretKey}`,
    `STRIPE_WEBHOOK_SECRET=${stripe.webhookSecret}`,
    "",
  ].join("\n"),
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void standIns.stop().then(() => process.exit(0));
  });
}

// The benchmark's greetings: what people say when they pick up, and what voicemail greetings
// and carriers' call screening play, each in every voice, machines ending in a beep of varied
// pitch and length (or none).
import type { GreetingPart, Voice } from "@switchboard/gateway/amd/testing/greeting-audio";

export const VOICES: Voice[] = [
  { engine: "espeak-ng", name: "en-us" },
  { engine: "espeak-ng", name: "en-gb" },
  { engine: "espeak-ng", name: "en-gb-scotland" },
  { engine: "espeak-ng", name: "en-us+f3" },
  { engine: "flite", name: "slt" },
  { engine: "flite", name: "kal" },
  { engine: "flite", name: "awb" },
  { engine: "flite", name: "rms" },
];

export interface Greeting {
  label: string;
  truth: "human" | "machine";
  parts: GreetingPart[];
}

const say = (text: string): GreetingPart => ({ say: text });
const pause = (pauseMs: number): GreetingPart => ({ pauseMs });
const beep = (beepHz: number, beepMs: number): GreetingPart => ({ beepHz, beepMs });

const HUMANS: Greeting[] = [
  { label: "hello", truth: "human", parts: [say("Hello?")] },
  { label: "hi", truth: "human", parts: [say("Hi.")] },
  { label: "yeah-hello", truth: "human", parts: [say("Yeah, hello?")] },
  { label: "this-is-sam", truth: "human", parts: [say("Hello, this is Sam.")] },
  { label: "jenna-speaking", truth: "human", parts: [say("Good morning, Jenna speaking.")] },
  { label: "who-is-this", truth: "human", parts: [say("Hello?"), pause(500), say("Who is this?")] },
  { label: "yes", truth: "human", parts: [say("Yes?")] },
  { label: "hello-twice", truth: "human", parts: [say("Hello?"), pause(1000), say("Hello?")] },
  { label: "its-mark", truth: "human", parts: [say("Hi, it's Mark.")] },
  { label: "speaking", truth: "human", parts: [say("Speaking.")] },
  // Harder: people who answer with a long sentence, as a receptionist does.
  {
    label: "receptionist",
    truth: "human",
    parts: [say("Good afternoon, Riverside Dental, this is Jenna speaking, how can I help you today?")],
  },
  {
    label: "busy-parent",
    truth: "human",
    parts: [
      say("Hello?"),
      pause(400),
      say("Sorry, hang on one second, the kids are being loud."),
      pause(1500),
    ],
  },
];

const MACHINES: Greeting[] = [
  {
    label: "personal-beep",
    truth: "machine",
    parts: [
      say("Hi, you have reached Jordan Miller."),
      pause(300),
      say("I can't take your call right now, please leave a message after the tone."),
      pause(400),
      beep(1000, 600),
    ],
  },
  {
    label: "short-beep",
    truth: "machine",
    parts: [say("Leave a message."), pause(300), beep(1400, 400)],
  },
  {
    label: "carrier",
    truth: "machine",
    parts: [
      say("The person you are calling is not available."),
      pause(300),
      say("At the tone, please record your message."),
      pause(500),
      beep(850, 1000),
    ],
  },
  {
    label: "business",
    truth: "machine",
    parts: [
      say("Thank you for calling Riverside Dental. Our office is currently closed."),
      pause(400),
      say("Our hours are Monday to Friday, eight to five."),
      beep(1800, 300),
    ],
  },
  {
    label: "screening",
    truth: "machine",
    parts: [
      say(
        "Hi, the person you're calling is using a screening service and will get a copy of this conversation.",
      ),
      pause(400),
      say("Go ahead and say your name and why you're calling."),
    ],
  },
  {
    label: "name-only-beep",
    truth: "machine",
    parts: [say("Hi, this is Alex."), pause(600), say("Leave one."), pause(300), beep(1200, 500)],
  },
  {
    label: "number-read",
    truth: "machine",
    parts: [
      say("You have reached four one five, five five five, zero one four two."),
      pause(300),
      say("Please leave a message."),
      pause(300),
      beep(1000, 800),
    ],
  },
  {
    label: "long-no-beep",
    truth: "machine",
    parts: [
      say("Hey, it's Chris, sorry I missed you, I'm probably out on the trail somewhere without signal."),
      pause(300),
      say("Text me instead."),
    ],
  },
  {
    label: "mailbox-full-style",
    truth: "machine",
    parts: [say("The mailbox you have reached is not accepting messages at this time. Goodbye.")],
  },
  {
    label: "quick-beep",
    truth: "machine",
    parts: [say("Hi, it's Dana, leave a message."), beep(1000, 300)],
  },
];

export const GREETINGS: Greeting[] = [...HUMANS, ...MACHINES];

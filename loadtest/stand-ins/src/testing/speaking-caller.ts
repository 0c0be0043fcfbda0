// Test support: a SIPp caller scenario that answers, speaks recorded audio at given times
// (rtp_stream of raw G.711 u-law) and hangs up, written to a temporary directory.
import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { SIPP_DIR } from "./sipp.ts";

/**
 * A UAC scenario that answers, speaks at each `speakAtMs`, and hangs up at `byeAtMs`; with
 * `gatewayHangsUp` it waits until `byeAtMs` for the gateway's BYE instead (and fails without).
 * `alsoPlay` adds other recordings (raw G.711 u-law), each started once at its `atMs`.
 */
export function speakingCallerScenario(
  dir: string,
  callerAudio: string,
  name: string,
  speakAtMs: number[],
  byeAtMs: number,
  options: {
    gatewayHangsUp?: boolean;
    inviteHeaders?: string[];
    alsoPlay?: Array<{ audio: string; atMs: number }>;
  } = {},
): string {
  const plays = [...speakAtMs.map((atMs) => ({ audio: callerAudio, atMs })), ...(options.alsoPlay ?? [])];
  const steps: string[] = [];
  let now = 0;
  for (const { audio, atMs } of plays.sort((a, b) => a.atMs - b.atMs)) {
    steps.push(`<pause milliseconds="${atMs - now}"/>`);
    steps.push(`<nop><action><exec rtp_stream="${audio},1,0"/></action></nop>`);
    now = atMs;
  }
  if (!options.gatewayHangsUp) steps.push(`<pause milliseconds="${byeAtMs - now}"/>`);
  const inDialog = (method: string, cseq: number) => `
      ${method} [next_url] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Caller" <sip:+14155550111@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: ${cseq} ${method}
      Contact: <sip:caller@[local_ip]:[local_port]>
      Max-Forwards: 70
      Content-Length: 0
`;
  const callerBye = `<send retrans="500"><![CDATA[${inDialog("BYE", 2)}
    ]]></send>
  <recv response="200" crlf="true"/>`;
  const xml = `<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<scenario name="${name}">
  <send retrans="500">
    <![CDATA[
      INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Caller" <sip:+14155550111@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>
      Call-ID: [call_id]
      CSeq: 1 INVITE
      Contact: <sip:caller@[local_ip]:[local_port]>
      Max-Forwards: 70${(options.inviteHeaders ?? []).map((header) => `\n      ${header}`).join("")}
      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio [media_port] RTP/AVP 0 101
      a=rtpmap:0 PCMU/8000
      a=rtpmap:101 telephone-event/8000
    ]]>
  </send>
  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="200" rrs="true"/>
  <send><![CDATA[${inDialog("ACK", 1)}
    ]]></send>
  ${steps.join("\n  ")}
  ${options.gatewayHangsUp ? gatewayBye(byeAtMs - now) : callerBye}
</scenario>
`;
  const path = join(dir, `${name}.xml`);
  writeFileSync(path, xml);
  return relative(SIPP_DIR, path);
}

function gatewayBye(timeoutMs: number): string {
  return `<recv request="BYE" timeout="${timeoutMs}"/>
  <send><![CDATA[
      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0

    ]]></send>`;
}

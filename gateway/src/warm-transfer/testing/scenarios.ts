// Test support: the SIPp scenarios of a warm transfer, written to a temporary directory. The
// caller speaks (the agent transfers), then plays a tone once bridged; the "human" answers the
// gateway's INVITE, presses a key after the briefing starts, plays its own tone, and waits for
// the gateway's BYE.
import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { SIPP_DIR } from "@switchboard/stand-ins/testing/sipp";

const ANSWER_SDP = `v=0
      o=human 53655765 2353687637 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio [media_port] RTP/AVP 0 101
      a=rtpmap:0 PCMU/8000
      a=rtpmap:101 telephone-event/8000
      a=fmtp:101 0-16`;

function write(dir: string, name: string, xml: string): string {
  const path = join(dir, `${name}.xml`);
  writeFileSync(path, xml);
  return relative(SIPP_DIR, path);
}

/**
 * The destination: answers, presses `digit` (RFC 4733; null: none) after `digitAtMs`, plays
 * `toneFile` (u-law: a tone, or speech) after `toneAtMs`, and waits for BYE.
 */
export function humanScenario(
  dir: string,
  name: string,
  options: { digit: string | null; digitAtMs: number; toneFile: string; toneAtMs: number },
): string {
  const digitFirst = options.digitAtMs <= options.toneAtMs;
  const digit = options.digit
    ? `<nop><action><exec play_pcap_audio="/usr/share/sip-tester/dtmf_2833_${options.digit}.pcap"/></action></nop>`
    : "";
  const tone = `<nop><action><exec rtp_stream="${options.toneFile},1,0"/></action></nop>`;
  const [firstAt, first, secondAt, second] = digitFirst
    ? [options.digitAtMs, digit, options.toneAtMs, tone]
    : [options.toneAtMs, tone, options.digitAtMs, digit];
  return write(
    dir,
    name,
    `<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<scenario name="${name}">
  <recv request="INVITE" rrs="true"/>
  <send>
    <![CDATA[
      SIP/2.0 180 Ringing
      [last_Via:]
      [last_From:]
      [last_To:];tag=[pid]SIPpTag01[call_number]
      [last_Call-ID:]
      [last_CSeq:]
      Contact: <sip:human@[local_ip]:[local_port];transport=[transport]>
      Content-Length: 0

    ]]>
  </send>
  <send>
    <![CDATA[
      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:];tag=[pid]SIPpTag01[call_number]
      [last_Call-ID:]
      [last_CSeq:]
      Contact: <sip:human@[local_ip]:[local_port];transport=[transport]>
      Content-Type: application/sdp
      Content-Length: [len]

      ${ANSWER_SDP}
    ]]>
  </send>
  <recv request="ACK"/>
  <pause milliseconds="${firstAt}"/>
  ${first}
  <pause milliseconds="${secondAt - firstAt}"/>
  ${second}
  <recv request="BYE" timeout="30000"/>
  <send>
    <![CDATA[
      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0

    ]]>
  </send>
</scenario>
`,
  );
}

/** The caller: speaks `speechFile` at 1 s, plays `toneFile` at `toneAtMs`, hangs up at `byeAtMs`. */
export function callerScenario(
  dir: string,
  name: string,
  options: { speechFile: string; toneFile: string; toneAtMs: number; byeAtMs: number },
): string {
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
  return write(
    dir,
    name,
    `<?xml version="1.0" encoding="ISO-8859-1" ?>
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
      Max-Forwards: 70
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
  <pause milliseconds="1000"/>
  <nop><action><exec rtp_stream="${options.speechFile},1,0"/></action></nop>
  <pause milliseconds="${options.toneAtMs - 1000}"/>
  <nop><action><exec rtp_stream="${options.toneFile},1,0"/></action></nop>
  <pause milliseconds="${options.byeAtMs - options.toneAtMs}"/>
  <send retrans="500"><![CDATA[${inDialog("BYE", 2)}
    ]]></send>
  <recv response="200" crlf="true"/>
</scenario>
`,
  );
}

// Test support: the destination's SIPp scenario of a warm transfer, written to a temporary
// directory. The "human" answers the gateway's INVITE, presses a key after the briefing starts,
// plays its own tone, and waits for the gateway's BYE.
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

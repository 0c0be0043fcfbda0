// SIP, SIPS and tel URIs (RFC 3261 §19.1, RFC 3966), including IPv6 references (RFC 5118).
import { parseParams } from "./params.ts";

interface SipUri {
  scheme: "sip" | "sips" | "tel";
  /** Percent-decoded user part (for tel: the number). */
  user: string | null;
  host: string;
  port: number | null;
  params: Map<string, string | null>;
  headers: string | null;
}

const SCHEME_PATTERN = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const IPV6_REFERENCE = /^\[[0-9A-Fa-f:.]+\]$/;
const HOSTNAME = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function uriScheme(text: string): string | null {
  const match = SCHEME_PATTERN.exec(text.trim());
  return match ? match[1]!.toLowerCase() : null;
}

function decodePercent(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Parses a sip:, sips: or tel: URI; null when it is not one or is malformed. */
export function parseUri(text: string): SipUri | null {
  const trimmed = text.trim();
  const scheme = uriScheme(trimmed);
  if (scheme === "tel") {
    const rest = trimmed.slice(4);
    const semi = rest.indexOf(";");
    const number = semi === -1 ? rest : rest.slice(0, semi);
    if (!/^\+?[0-9A-Fa-f*#().-]+$/.test(number)) return null;
    return {
      scheme: "tel",
      user: number,
      host: "",
      port: null,
      params: parseParams(semi === -1 ? "" : rest.slice(semi + 1)),
      headers: null,
    };
  }
  if (scheme !== "sip" && scheme !== "sips") return null;
  let rest = trimmed.slice(scheme.length + 1);
  if (/\s/.test(rest)) return null;
  let headers: string | null = null;
  const question = rest.indexOf("?");
  if (question !== -1) {
    headers = rest.slice(question + 1);
    rest = rest.slice(0, question);
  }
  let user: string | null = null;
  const at = rest.lastIndexOf("@");
  if (at !== -1) {
    const userinfo = rest.slice(0, at);
    const colon = userinfo.indexOf(":");
    user = decodePercent(colon === -1 ? userinfo : userinfo.slice(0, colon));
    if (user === null || user.length === 0) return null;
    rest = rest.slice(at + 1);
  }
  let hostport: string;
  let paramText = "";
  if (rest.startsWith("[")) {
    const close = rest.indexOf("]");
    if (close === -1) return null;
    const afterHost = rest.slice(close + 1);
    const semi = afterHost.indexOf(";");
    hostport = rest.slice(0, close + 1) + (semi === -1 ? afterHost : afterHost.slice(0, semi));
    paramText = semi === -1 ? "" : afterHost.slice(semi + 1);
  } else {
    const semi = rest.indexOf(";");
    hostport = semi === -1 ? rest : rest.slice(0, semi);
    paramText = semi === -1 ? "" : rest.slice(semi + 1);
  }
  const hostPort = parseHostPort(hostport);
  if (!hostPort) return null;
  return { scheme, user, host: hostPort.host, port: hostPort.port, params: parseParams(paramText), headers };
}

function parseHostPort(text: string): { host: string; port: number | null } | null {
  let host: string;
  let portText: string | null = null;
  if (text.startsWith("[")) {
    const close = text.indexOf("]");
    host = text.slice(0, close + 1);
    const after = text.slice(close + 1);
    if (after) {
      if (!after.startsWith(":")) return null;
      portText = after.slice(1);
    }
    if (!IPV6_REFERENCE.test(host)) return null;
  } else {
    const colon = text.indexOf(":");
    host = colon === -1 ? text : text.slice(0, colon);
    portText = colon === -1 ? null : text.slice(colon + 1);
    if (!HOSTNAME.test(host) && !IPV4.test(host)) return null;
  }
  let port: number | null = null;
  if (portText !== null) {
    if (!/^\d{1,5}$/.test(portText)) return null;
    port = Number(portText);
    if (port > 65535) return null;
  }
  return { host, port };
}

/** Bare address for sockets: IPv6 references lose their brackets (RFC 5118 §4.1). */
export function socketHost(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/** Host as it appears in a URI or Via: IPv6 addresses in brackets. */
export function uriHost(address: string): string {
  return address.includes(":") && !address.startsWith("[") ? `[${address}]` : address;
}

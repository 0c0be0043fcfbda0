// ICE servers for browser calls: the same list configures the gateway's werift agent and is
// handed to the page (WHIP's Link headers, RFC 9725 section 4.6, and the token response).
import type { Config } from "../config.ts";

interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

export function iceServersFromConfig(
  config: Pick<Config, "stunUrls" | "turnUrl" | "turnUsername" | "turnPassword">,
): IceServer[] {
  const servers: IceServer[] = [];
  if (config.stunUrls.length > 0) servers.push({ urls: config.stunUrls });
  if (config.turnUrl !== null) {
    servers.push({
      urls: [config.turnUrl],
      username: config.turnUsername ?? undefined,
      credential: config.turnPassword ?? undefined,
    });
  }
  return servers;
}

/** RFC 9725 section 4.6 Link header values (`rel="ice-server"`). */
export function iceLinkHeaders(servers: IceServer[]): string[] {
  const links: string[] = [];
  for (const server of servers) {
    for (const url of server.urls) {
      let link = `<${url}>; rel="ice-server"`;
      if (server.username !== undefined) {
        link += `; username="${server.username}"; credential="${server.credential ?? ""}"; credential-type="password"`;
      }
      links.push(link);
    }
  }
  return links;
}

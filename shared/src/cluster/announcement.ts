// Gateways announce themselves on the bus: one JSON entry per gateway in
// Hashes.gatewayAnnouncements, rewritten every GATEWAY_HEARTBEAT_INTERVAL_MS. A hash field has
// no expiry of its own on Redis 7.0 or on the in-process bus, so each entry carries its
// `expires_at` and readers treat an expired one as gone (and delete it).
import type { Gateway } from "../schemas/gateway.ts";

/** Announcement intervals an entry outlives its last write. */
export const ANNOUNCEMENT_TTL_INTERVALS = 3;

export function encodeAnnouncement(announcement: Gateway): string {
  return JSON.stringify(announcement);
}

/** The announcement, or null when the entry is not one or has expired at `nowMs`. */
export function liveAnnouncement(value: string | null | undefined, nowMs: number): Gateway | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<Gateway>;
    if (typeof parsed.id !== "string" || typeof parsed.sip_address !== "string") return null;
    const expiresMs = Date.parse(parsed.expires_at ?? "");
    if (!Number.isFinite(expiresMs) || expiresMs <= nowMs) return null;
    return parsed as Gateway;
  } catch {
    return null;
  }
}

export interface AnnouncementRead {
  live: Gateway[];
  /** Fields holding expired or unreadable entries. */
  expired: string[];
}

/** Splits the hash's entries into live announcements (sorted by id) and expired fields. */
export function readAnnouncements(entries: Record<string, string>, nowMs: number): AnnouncementRead {
  const live: Gateway[] = [];
  const expired: string[] = [];
  for (const [field, value] of Object.entries(entries)) {
    const announcement = liveAnnouncement(value, nowMs);
    if (announcement) live.push(announcement);
    else expired.push(field);
  }
  live.sort((a, b) => a.id.localeCompare(b.id));
  return { live, expired };
}

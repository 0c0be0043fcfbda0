// Resource ids: a type prefix and a UUIDv7 (time-ordered, so ids sort by creation time and
// serve directly as pagination cursors).

type IdPrefix =
  | "org"
  | "key"
  | "agt"
  | "pn"
  | "call"
  | "whk"
  | "evt"
  | "ks"
  | "trk"
  | "txn"
  | "dlv"
  | "cred"
  | "usr"
  | "ses"
  | "lnk"
  | "dnc"
  | "cmp"
  | "lead"
  | "sms"
  | "pay"
  | "tool";

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${Bun.randomUUIDv7().replaceAll("-", "")}`;
}

export function hasPrefix(id: string, prefix: IdPrefix): boolean {
  return id.startsWith(`${prefix}_`) && /^[a-z]+_[0-9a-f]{32}$/.test(id);
}

import { forbidden } from "@switchboard/shared/errors";
import type { ApiKeyRole } from "../db/schema.ts";
import { roleAtLeast } from "../modules/api-keys/service.ts";

/** 403 unless the key's role is at least `needed`; `what` completes "Only owner and admin keys may ...". */
export function requireRole(role: ApiKeyRole, needed: ApiKeyRole, what: string): void {
  if (roleAtLeast(role, needed)) return;
  throw forbidden(
    needed === "owner" ? `Only owner keys may ${what}.` : `Only owner and admin keys may ${what}.`,
  );
}

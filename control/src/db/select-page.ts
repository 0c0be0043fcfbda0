// One page of a list, newest first: ids are time-ordered, so the cursor is the last id seen.
// One row more than the page is read, so toPage (http/pagination.ts) can tell there is more.
// Takes a dynamic select (drizzle's `.$dynamic()`), so each list keeps its own columns.
import { and, desc, lt, type SQL } from "drizzle-orm";
import type { PgColumn, PgSelect } from "drizzle-orm/pg-core";
import type { PageRequest } from "../http/pagination.ts";

export function selectPage<TSelect extends PgSelect>(
  query: TSelect,
  id: PgColumn,
  scope: SQL | undefined,
  page: PageRequest,
): TSelect {
  return query
    .where(page.cursor ? and(scope, lt(id, page.cursor)) : scope)
    .orderBy(desc(id))
    .limit(page.limit + 1)
    .offset(page.offset);
}

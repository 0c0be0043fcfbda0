import { t } from "elysia";

export interface Page<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

export const paginationQuery = {
  limit: t.Optional(t.Integer({ minimum: 1, maximum: 100, description: "Items per page (default 20)." })),
  cursor: t.Optional(t.String({ maxLength: 200, description: "`next_cursor` of the previous page." })),
  page: t.Optional(t.Integer({ minimum: 0, description: "Zero-based page number (with `size`)." })),
  size: t.Optional(t.Integer({ minimum: 1, maximum: 100, description: "Page size (with `page`)." })),
};

export interface PageRequest {
  limit: number;
  cursor: string | null;
  offset: number;
}

/** Cursor pagination (`limit`, `cursor`), with `page`/`size` accepted as offset pagination. */
export function pageRequest(query: {
  limit?: number;
  cursor?: string;
  page?: number;
  size?: number;
}): PageRequest {
  const limit = query.size ?? query.limit ?? 20;
  const offset = query.page !== undefined ? query.page * limit : 0;
  return { limit, cursor: query.cursor ?? null, offset };
}

/** Rows were fetched with `limit + 1`, newest first; ids are time-ordered, so the last id is the cursor. */
export function toPage<Row extends { id: string }, T>(
  rows: Row[],
  request: PageRequest,
  present: (row: Row) => T,
): Page<T> {
  const hasMore = rows.length > request.limit;
  const pageRows = hasMore ? rows.slice(0, request.limit) : rows;
  return {
    data: pageRows.map(present),
    has_more: hasMore,
    next_cursor: hasMore ? (pageRows[pageRows.length - 1]?.id ?? null) : null,
  };
}

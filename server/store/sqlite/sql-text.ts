/** Word search in text columns: `LIKE '%…%'` with the user's %, _ and \ taken literally. */
import { or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

export function containsText(text: string, columns: SQLiteColumn[]): SQL {
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return or(...columns.map((c) => sql`${c} LIKE ${pattern} ESCAPE '\\'`))!;
}

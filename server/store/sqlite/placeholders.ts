import { sql, type Placeholder } from 'drizzle-orm';

/** Every named column as a placeholder of the same name, for prepared inserts and updates. */
export const placeholders = (columns: string[]): Record<string, Placeholder> =>
  Object.fromEntries(columns.map((c) => [c, sql.placeholder(c)]));

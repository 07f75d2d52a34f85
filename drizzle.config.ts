import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new numbered migration to migrations/ from server/store/sqlite/schema.ts.
export default defineConfig({
  dialect: 'sqlite',
  schema: './server/store/sqlite/schema.ts',
  out: './migrations',
});

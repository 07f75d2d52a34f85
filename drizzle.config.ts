import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new numbered migration to migrations/ from server/store/schema.ts.
export default defineConfig({
  dialect: 'sqlite',
  schema: './server/store/schema.ts',
  out: './migrations',
});

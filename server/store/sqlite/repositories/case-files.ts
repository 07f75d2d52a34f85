import { and, asc, eq, inArray } from 'drizzle-orm';
import type { CaseFile, CaseFileRepo } from '../../repositories/case-files.js';
import type { Db } from '../database.js';
import * as t from '../schema.js';

export function createCaseFileRepo(db: Db): CaseFileRepo {
  return {
    async insert(caseFile) {
      return db.insert(t.caseFiles).values(caseFile).returning().get();
    },
    async get(id) {
      return db.select().from(t.caseFiles).where(eq(t.caseFiles.id, id)).get() ?? null;
    },
    async byNumber(hallId, caseNumber) {
      return (
        db
          .select()
          .from(t.caseFiles)
          .where(and(eq(t.caseFiles.hallId, hallId), eq(t.caseFiles.caseNumber, caseNumber)))
          .get() ?? null
      );
    },
    async ofTicket(ticketId) {
      return db.select().from(t.caseFiles).where(eq(t.caseFiles.ticketId, ticketId)).orderBy(asc(t.caseFiles.id)).all();
    },
    async ofTickets(ticketIds) {
      const map = new Map<number, CaseFile[]>();
      if (ticketIds.length === 0) return map;
      const rows = db.select().from(t.caseFiles).where(inArray(t.caseFiles.ticketId, ticketIds)).orderBy(asc(t.caseFiles.id)).all();
      for (const row of rows) {
        const list = map.get(row.ticketId) ?? [];
        list.push(row);
        map.set(row.ticketId, list);
      }
      return map;
    },
    async remove(id) {
      db.delete(t.caseFiles).where(eq(t.caseFiles.id, id)).run();
    },
  };
}

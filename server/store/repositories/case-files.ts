/**
 * 办件 (case files): applications numbered by the 一窗受理 business system and attached to the
 * ticket being served. A 办件编号 is unique in its hall; the applicant's name and ID number arrive
 * here already masked (common/domain/exchange.ts).
 */
import type { CaseFileSource } from '../../../common/vocabulary.js';

export interface CaseFile {
  id: number;
  hallId: number;
  ticketId: number;
  caseNumber: string;
  serviceCode: string;
  serviceName: string;
  department: string;
  departmentCode: string | null;
  applicantName: string | null;
  applicantId: string | null;
  source: CaseFileSource;
  createdAt: number;
  createdBy: string;
}
export type NewCaseFile = Omit<CaseFile, 'id'>;

export interface CaseFileRepo {
  /** A second 办件 with the same number in the same hall throws. */
  insert(caseFile: NewCaseFile): Promise<CaseFile>;
  get(id: number): Promise<CaseFile | null>;
  byNumber(hallId: number, caseNumber: string): Promise<CaseFile | null>;
  /** The 办件 of a ticket, in the order they were attached. */
  ofTicket(ticketId: number): Promise<CaseFile[]>;
  /** The 办件 of several tickets (for lists and exports), each ticket's in the order attached. */
  ofTickets(ticketIds: number[]): Promise<Map<number, CaseFile[]>>;
  remove(id: number): Promise<void>;
}

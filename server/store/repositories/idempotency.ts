/** Results of mutating commands, so a retried command returns its first result (docs/design.md, invariant 1). */

export interface IdempotencyRecord {
  scope: string;
  key: string;
  requestHash: string;
  statusCode: number;
  response: string;
  createdAt: number;
}

export interface IdempotencyRepo {
  get(scope: string, key: string): Promise<IdempotencyRecord | null>;
  /** Refuses (throws) a second record with the same scope and key. */
  put(record: IdempotencyRecord): Promise<void>;
  /** Removes records created before `at`; resolves to how many. */
  purgeBefore(at: number): Promise<number>;
}

/**
 * A hall's side of the exchange: where its messages go (endpoint and shared secret) and the API
 * keys of its business system. The secret is read only by the deliverer; the console is told
 * whether one is set, never what it is. Keys are kept as hashes.
 */
export interface ExchangeEndpoint {
  hallId: number;
  endpoint: string | null;
  secret: string | null;
  updatedAt: number;
}

export interface ApiKey {
  id: number;
  hallId: number;
  name: string;
  keyPrefix: string;
  createdAt: number;
  createdBy: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
}
export type NewApiKey = Omit<ApiKey, 'id' | 'revokedAt' | 'lastUsedAt'> & { keyHash: string };

export interface ExchangeRepo {
  endpoint(hallId: number): Promise<ExchangeEndpoint | null>;
  /** Creates or changes the hall's endpoint; fields left out keep their value. */
  setEndpoint(hallId: number, patch: { endpoint?: string | null; secret?: string | null }, at: number): Promise<ExchangeEndpoint>;
  insertKey(key: NewApiKey): Promise<ApiKey>;
  /** An active (not revoked) key by the hash of its value. */
  keyByHash(keyHash: string): Promise<ApiKey | null>;
  /** A hall's keys, revoked ones included, newest first. */
  keys(hallId: number): Promise<ApiKey[]>;
  revokeKey(id: number, at: number): Promise<void>;
  touchKey(id: number, at: number): Promise<void>;
}

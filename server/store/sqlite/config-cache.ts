/**
 * Per-hall configuration (zones, services, windows, window services) read by every command and
 * snapshot. Any write to those tables clears its entry, and so does any rollback, so the cache
 * never holds what the database does not.
 */
export class ConfigCache {
  private readonly entries = new Map<string, unknown>();

  get<T>(key: string, load: () => T): T {
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const value = load();
    this.entries.set(key, value);
    return value;
  }

  invalidate(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * The store contract: what every engine behind `Store` (server/store/store.ts) must do, written
 * against the interfaces only. An engine's entry file (test/store/<engine>.contract.test.ts) calls
 * `describeStoreContract` with a way to open an empty store.
 */
import { describe } from 'vitest';
import { auditContract } from './audit.js';
import { caseFilesContract } from './case-files.js';
import { casesContract } from './cases.js';
import { devicesContract } from './devices.js';
import { eventsContract } from './events.js';
import { exchangeContract } from './exchange.js';
import { hallsContract } from './halls.js';
import type { StoreEngine } from './harness.js';
import { idempotencyContract } from './idempotency.js';
import { outboxContract } from './outbox.js';
import { phoneContract } from './phone.js';
import { ratingsContract } from './ratings.js';
import { servicesContract } from './services.js';
import { sessionsContract } from './sessions.js';
import { statsContract } from './stats.js';
import { ticketsContract } from './tickets.js';
import { transactionsContract } from './transactions.js';
import { usersContract } from './users.js';
import { windowsContract } from './windows.js';
import { zonesContract } from './zones.js';

export type { OpenedStore, StoreEngine } from './harness.js';

export function describeStoreContract(engine: StoreEngine): void {
  describe(`store contract: ${engine.name}`, () => {
    transactionsContract(engine);
    hallsContract(engine);
    zonesContract(engine);
    servicesContract(engine);
    windowsContract(engine);
    ticketsContract(engine);
    eventsContract(engine);
    auditContract(engine);
    idempotencyContract(engine);
    usersContract(engine);
    sessionsContract(engine);
    devicesContract(engine);
    ratingsContract(engine);
    casesContract(engine);
    statsContract(engine);
    phoneContract(engine);
    caseFilesContract(engine);
    outboxContract(engine);
    exchangeContract(engine);
  });
}

/**
 * The TCP 9100 transport against plain local TCP listeners that play a printer (not the virtual
 * printer): success, a printer that never answers (timeout), connection refused, paper out,
 * paper running out while printing; then the same printers behind a kiosk, with the ticket's
 * state after each.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAddress, printOverTcp } from '../../printer/transport.js';
import { sha256 } from '../../server/services/auth-service.js';
import { createTestHall, DEMO_TOKENS } from '../helpers/app.js';
import { FAST_TRANSPORT } from './printer-hall.js';

/** How a fake printer answers each DLE EOT n; null never answers. */
type Answer = (n: number, queryIndex: number) => number | null;

interface FakePrinter {
  address: string;
  /** Bytes received that are not status queries. */
  received: () => number[];
  connections: () => number;
  close(): Promise<void>;
}

const OK = 0x12;
const answers = {
  ok: (): number => OK,
  never: (): null => null,
  paperOut: (n: number): number => (n === 1 ? 0x1a : n === 2 ? 0x32 : n === 4 ? 0x72 : OK),
  nearEnd: (n: number): number => (n === 4 ? 0x1e : OK),
  /** Fine before the job; the paper is gone when asked after it (queries 5–8). */
  runsOut: (n: number, index: number): number => (index < 4 ? OK : n === 1 ? 0x1a : n === 2 ? 0x32 : n === 4 ? 0x72 : OK),
  garbage: (): number => 0xff,
};

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function fakePrinter(answer: Answer): Promise<FakePrinter> {
  const received: number[] = [];
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    let queries = 0;
    let pending: number[] = [];
    socket.on('data', (chunk) => {
      pending.push(...chunk);
      // Take DLE EOT n triples out of the stream and answer them; keep everything else.
      const rest: number[] = [];
      for (let i = 0; i < pending.length; i++) {
        if (pending[i] === 0x10 && pending[i + 1] === 0x04) {
          if (i + 2 >= pending.length) {
            rest.push(...pending.slice(i));
            break;
          }
          const reply = answer(pending[i + 2]!, queries++);
          if (reply !== null) socket.write(Uint8Array.of(reply));
          i += 2;
        } else received.push(pending[i]!);
      }
      pending = rest;
    });
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    received: () => received,
    connections: () => connections,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

/** A port nothing listens on. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return `127.0.0.1:${port}`;
}

const JOB = Uint8Array.from([0x1b, 0x40, 0x41, 0x42, 0x0a, 0x1d, 0x56, 0x01]);

describe('printOverTcp', () => {
  it('success: asks the status, sends the job once, asks again', async () => {
    const printer = await fakePrinter(answers.ok);
    const outcome = await printOverTcp(printer.address, JOB, FAST_TRANSPORT);
    expect(outcome).toMatchObject({ printed: true, problem: null, status: { online: true, paper: 'ok', coverOpen: false } });
    await expect.poll(() => printer.received().length).toBe(JOB.length);
    expect(printer.received()).toEqual([...JOB]);
    expect(printer.connections()).toBe(1);
  });

  it('timeout: a printer that accepts but never answers gets no job', async () => {
    const printer = await fakePrinter(answers.never);
    const started = Date.now();
    const outcome = await printOverTcp(printer.address, JOB, FAST_TRANSPORT);
    expect(outcome).toMatchObject({ printed: false, problem: 'timeout', status: null });
    expect(outcome.detail).toContain('status before printing');
    expect(Date.now() - started).toBeLessThan(FAST_TRANSPORT.statusTimeoutMs + 1000);
    expect(printer.received()).toEqual([]);
  });

  it('refused: nothing listens on the port', async () => {
    const outcome = await printOverTcp(await closedPort(), JOB, FAST_TRANSPORT);
    expect(outcome).toMatchObject({ printed: false, problem: 'offline', status: null, detail: 'ECONNREFUSED' });
  });

  it('paper out: the job is not sent', async () => {
    const printer = await fakePrinter(answers.paperOut);
    const outcome = await printOverTcp(printer.address, JOB, FAST_TRANSPORT);
    expect(outcome).toMatchObject({ printed: false, problem: 'paper_out', status: { paper: 'out' } });
    expect(printer.received()).toEqual([]);
  });

  it('paper running out during the job: sent, but not counted as printed', async () => {
    const printer = await fakePrinter(answers.runsOut);
    const outcome = await printOverTcp(printer.address, JOB, FAST_TRANSPORT);
    expect(outcome).toMatchObject({ printed: false, problem: 'paper_out', status: { paper: 'out' } });
    await expect.poll(() => printer.received().length).toBe(JOB.length);
  });

  it('paper near its end still prints, and says so', async () => {
    const printer = await fakePrinter(answers.nearEnd);
    expect(await printOverTcp(printer.address, JOB, FAST_TRANSPORT)).toMatchObject({ printed: true, status: { paper: 'near_end' } });
  });

  it('an answer that is not a status byte is not trusted', async () => {
    const printer = await fakePrinter(answers.garbage);
    const outcome = await printOverTcp(printer.address, JOB, FAST_TRANSPORT);
    expect(outcome).toMatchObject({ printed: false, problem: 'timeout' });
    expect(outcome.detail).toContain('not a status answer');
    expect(printer.received()).toEqual([]);
  });

  it('a bad address is no printer', async () => {
    expect(await printOverTcp('not an address!', JOB)).toMatchObject({ printed: false, problem: 'no_printer' });
  });

  it.each([
    ['192.168.1.50:9100', { host: '192.168.1.50', port: 9100 }],
    ['192.168.1.50', { host: '192.168.1.50', port: 9100 }],
    ['printer-3.hall.local:9101', { host: 'printer-3.hall.local', port: 9101 }],
    ['[::1]:9100', { host: '::1', port: 9100 }],
    ['host:0', null],
    ['host:99999', null],
    ['a b', null],
    ['', null],
  ])('parseAddress(%j)', (text, parsed) => expect(parseAddress(text)).toEqual(parsed));
});

describe('the ticket after each printer behaviour', () => {
  const table: [
    what: string,
    printer: () => Promise<string>,
    printStatus: string,
    problem: string | null,
    state: Record<string, unknown>,
  ][] = [
    ['success', async () => (await fakePrinter(answers.ok)).address, 'printed', null, { online: true, paper: 'ok', problem: null }],
    ['timeout', async () => (await fakePrinter(answers.never)).address, 'failed', 'timeout', { online: false, problem: 'timeout' }],
    ['refused', closedPort, 'failed', 'offline', { online: false, problem: 'offline' }],
    [
      'paper out',
      async () => (await fakePrinter(answers.paperOut)).address,
      'failed',
      'paper_out',
      { online: true, paper: 'out', problem: 'paper_out' },
    ],
    [
      'paper out while printing',
      async () => (await fakePrinter(answers.runsOut)).address,
      'failed',
      'paper_out',
      { paper: 'out', problem: 'paper_out' },
    ],
  ];
  it.each(table)(
    '%s: the ticket is issued and waiting; its print status and the printer state are recorded',
    async (_what, makePrinter, printStatus, problem, state) => {
      const hall = await createTestHall({ printing: { transport: FAST_TRANSPORT } });
      try {
        const address = await makePrinter();
        await hall.store.transact(async (tx) => {
          const printer = await tx.devices.insert({
            hallId: hall.hallId,
            kind: 'printer',
            name: 'p',
            status: 'active',
            tokenHash: null,
            pairingCode: null,
            pairingExpiresAt: null,
            windowId: null,
            zoneId: null,
            printerId: null,
            address,
            settings: {},
            state: {},
          });
          const kiosk = (await tx.devices.byTokenHash(sha256(DEMO_TOKENS.kiosk)))!;
          await tx.devices.update(kiosk.id, { printerId: printer.id });
        });
        const res = await hall.device(DEMO_TOKENS.kiosk).post(`/api/halls/${hall.hallId}/tickets`, { serviceId: hall.ids.service('A') });
        expect(res.statusCode).toBe(201);
        expect(res.json().ticket.number).toBe('A001');
        await hall.app.printService.idle();
        const ticket = (await hall.store.read((tx) => tx.tickets.get(res.json().ticket.id)))!;
        expect(ticket).toMatchObject({ status: 'waiting', printStatus });
        const [event] = await hall.store.read((tx) => tx.events.query({ hallId: hall.hallId, types: ['ticket:printed'], limit: 5 }));
        expect(event!.data).toMatchObject({ status: printStatus, problem });
        const printer = (await hall.store.read((tx) => tx.devices.list(hall.hallId))).find((d) => d.kind === 'printer')!;
        expect(printer.state).toMatchObject(state);
        // Exactly one ticket exists: a print failure never re-issues.
        expect(await hall.store.read((tx) => tx.tickets.list({ hallId: hall.hallId, serviceDay: ticket.serviceDay }))).toHaveLength(1);
      } finally {
        await hall.close();
      }
    },
  );
});

/**
 * The virtual printer as a command: `npm run virtual-printer -- --port 9100 --out ./previews`.
 * It listens like a network ESC/POS printer and writes a preview of every job to the folder.
 * While it runs, type a line to change what it answers:
 *   paper out · paper near-end · paper ok · cover open · cover closed · delay <ms> · quit
 */
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { PaperState } from './status.js';
import { VirtualPrinter } from './virtual-printer.js';

const USAGE = `Virtual ESC/POS network printer (虚拟打印机)

  npm run virtual-printer -- [options]

  --host <addr>       interface to listen on (default 127.0.0.1; 0.0.0.0 for the LAN)
  --port <n>          TCP port (default 9100)
  --out <dir>         folder for previews (default ./data/printer-previews)
  --columns <n>       paper columns for the preview: 48 (80 mm, default) or 32 (58 mm)
  --paper <state>     answer ok, near-end or out to status queries (default ok)
  --cover-open        answer "cover open"
  --delay <ms>        answer status queries this late (a slow printer)

While it runs, type: paper out | paper near-end | paper ok | cover open | cover closed | delay <ms> | quit
A file named paper-out (or paper-near-end) in the preview folder has the same effect as "paper out".`;

const paperOf = (value: string): PaperState | null =>
  value === 'ok' ? 'ok' : value === 'out' ? 'out' : value === 'near-end' || value === 'near_end' ? 'near_end' : null;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '9100' },
      out: { type: 'string', default: './data/printer-previews' },
      columns: { type: 'string', default: '48' },
      paper: { type: 'string', default: 'ok' },
      'cover-open': { type: 'boolean', default: false },
      delay: { type: 'string', default: '0' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0–65535, got "${values.port}"`);
  const columns = Number(values.columns);
  if (columns !== 32 && columns !== 48) fail(`--columns must be 32 or 48, got "${values.columns}"`);
  const paper = paperOf(values.paper);
  if (!paper) fail(`--paper must be ok, near-end or out, got "${values.paper}"`);
  const delay = Number(values.delay);
  if (!Number.isInteger(delay) || delay < 0) fail(`--delay must be a number of milliseconds, got "${values.delay}"`);

  const outDir = resolve(values.out);
  const printer = new VirtualPrinter({
    host: values.host,
    port,
    outDir,
    columns,
    paper,
    coverOpen: values['cover-open'],
    answerDelayMs: delay,
  });
  const address = await printer
    .start()
    .catch((err: NodeJS.ErrnoException) => fail(`cannot listen on ${values.host}:${port}: ${err.code ?? err.message}`));
  console.log(`Virtual printer listening on ${address.address}:${address.port}; previews in ${outDir}`);
  printer.on('job', (job) =>
    console.log(
      `job ${job.id}: ${job.bytes.length} bytes${job.cut ? ', cut' : ''}${job.printed ? '' : ', NOT printed (paper out)'} → ${job.previewFile ?? '(not saved)'}`,
    ),
  );

  const stop = async () => {
    await printer.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  const input = createInterface({ input: process.stdin });
  input.on('line', (line) => {
    const [command, arg = ''] = line.trim().toLowerCase().split(/\s+/);
    if (command === 'paper' && paperOf(arg)) printer.setPaper(paperOf(arg)!);
    else if (command === 'cover' && (arg === 'open' || arg === 'closed')) printer.setCoverOpen(arg === 'open');
    else if (command === 'delay' && Number.isInteger(Number(arg))) printer.setAnswerDelay(Number(arg));
    else if (command === 'quit' || command === 'exit') return void stop();
    else if (command) return console.log('commands: paper out | paper near-end | paper ok | cover open | cover closed | delay <ms> | quit');
    const s = printer.status();
    console.log(`now answering: paper ${s.paper}, cover ${s.coverOpen ? 'open' : 'closed'}`);
  });
}

void main();

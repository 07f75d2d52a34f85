/**
 * A virtual network printer for development, demos and tests: it listens on a TCP port like a
 * real ESC/POS printer (raw port 9100), answers the DLE EOT status queries, reads each job, and
 * writes a readable preview of it (text, QR content, cut marks) and its raw bytes to a folder.
 *
 * It can be told to misbehave: paper near its end or out (`setPaper`, or a file named
 * `paper-out` / `paper-near-end` in the preview folder), cover open, a roll with only so many
 * lines left (it runs out in the middle of a job), slow answers, or switched off (`stop`).
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { EscPosParser, renderPreview, type PreviewItem } from './decode.js';
import { statusBytes, STATUS_QUERIES, type PaperState, type PrinterStatus } from './status.js';

export interface VirtualPrinterOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Folder for previews (`<n>-<time>.txt` and `.bin`); null keeps jobs in memory only. */
  outDir?: string | null;
  /** Columns of the paper, for the preview (48 for 80 mm, 32 for 58 mm). */
  columns?: number;
  paper?: PaperState;
  coverOpen?: boolean;
  /** Delay before each status answer (a slow or busy printer). */
  answerDelayMs?: number;
}

export interface VirtualJob {
  id: number;
  at: number;
  bytes: Uint8Array;
  items: PreviewItem[];
  /** Contents of the QR codes in the job. */
  qr: string[];
  /** The text lines, as printed. */
  lines: string[];
  /** The job ended with a cut. */
  cut: boolean;
  /** False when the paper was out (or ran out) before the job was done. */
  printed: boolean;
  preview: string;
  previewFile: string | null;
  /** Commands the preview did not understand. */
  unknown: string[];
}

/** Lines of paper a QR code takes, for the roll-length fault. */
const QR_LINES = 10;
/** Below this many lines left the roll sensor reports "near end". */
const NEAR_END_LINES = 40;

export class VirtualPrinter extends EventEmitter<{ job: [VirtualJob]; listening: [AddressInfo] }> {
  readonly jobs: VirtualJob[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private paper: PaperState;
  private coverOpen: boolean;
  private answerDelayMs: number;
  /** Lines left on the roll; null is an endless roll. */
  private linesLeft: number | null = null;
  private nextId = 1;
  private statusQueries = 0;

  constructor(private readonly options: VirtualPrinterOptions = {}) {
    super();
    this.paper = options.paper ?? 'ok';
    this.coverOpen = options.coverOpen ?? false;
    this.answerDelayMs = options.answerDelayMs ?? 0;
    if (options.outDir) mkdirSync(options.outDir, { recursive: true });
  }

  get outDir(): string | null {
    return this.options.outDir ?? null;
  }

  /** How many DLE EOT queries were answered (tests). */
  get queriesAnswered(): number {
    return this.statusQueries;
  }

  /**
   * Connections still open (tests): at 0 every connection's end has been handled, so a job
   * it was going to record is recorded.
   */
  get openConnections(): number {
    return this.sockets.size;
  }

  setPaper(paper: PaperState): void {
    this.paper = paper;
    if (paper !== 'out') this.linesLeft = null;
  }

  setCoverOpen(open: boolean): void {
    this.coverOpen = open;
  }

  setAnswerDelay(ms: number): void {
    this.answerDelayMs = ms;
  }

  /** A roll with `lines` lines left: it reports near end, then runs out while printing. */
  setPaperRemaining(lines: number): void {
    this.linesLeft = lines;
    this.paper = lines <= 0 ? 'out' : lines < NEAR_END_LINES ? 'near_end' : 'ok';
  }

  /** What the printer would answer now. */
  status(): PrinterStatus {
    let paper = this.paper;
    const dir = this.options.outDir;
    if (dir && existsSync(join(dir, 'paper-out'))) paper = 'out';
    else if (dir && paper === 'ok' && existsSync(join(dir, 'paper-near-end'))) paper = 'near_end';
    return { online: true, paper, coverOpen: this.coverOpen, error: null };
  }

  async start(): Promise<AddressInfo> {
    if (this.server) return this.server.address() as AddressInfo;
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 9100, this.options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    this.emit('listening', address);
    return address;
  }

  /** "host:port" to give the hall server. */
  get address(): string {
    const a = this.server?.address() as AddressInfo | null;
    if (!a) throw new Error('the virtual printer is not listening');
    return `${a.address}:${a.port}`;
  }

  /** Switches the printer off: open connections drop, new ones are refused. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.setNoDelay(true);
    let bytes: number[] = [];
    let printing = false;
    let shortOfPaper = false;
    let answers = Promise.resolve();
    const answer = (n: number) => {
      // Each DLE EOT n (n = 1…4) is answered with one byte, in order.
      if (n < 1 || n > STATUS_QUERIES.length) return;
      this.statusQueries++;
      const byte = statusBytes(this.status())[n - 1]!;
      answers = answers.then(async () => {
        if (this.answerDelayMs > 0) await new Promise((r) => setTimeout(r, this.answerDelayMs));
        if (!socket.destroyed) socket.write(Uint8Array.of(byte));
      });
    };
    const finishJob = (cut: boolean) => {
      if (printing) this.finish(withoutQueries(bytes), parser.items.splice(0), parser.unknown.splice(0), cut, !shortOfPaper);
      bytes = [];
      printing = false;
      shortOfPaper = false;
    };
    const parser = new EscPosParser({
      status: answer,
      item: (item) => {
        printing = true;
        if (this.status().paper === 'out' || this.coverOpen) shortOfPaper = true;
        this.usePaper(item);
        if (this.status().paper === 'out') shortOfPaper = true;
        if (item.kind === 'cut') finishJob(true);
      },
    });
    socket.on('data', (chunk: Buffer) => {
      for (const b of chunk) bytes.push(b);
      parser.push(chunk);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      this.sockets.delete(socket);
      parser.end();
      if (parser.items.length) printing = true;
      finishJob(false);
    });
  }

  private usePaper(item: PreviewItem): void {
    if (this.linesLeft === null) return;
    const used =
      item.kind === 'line'
        ? Math.max(...item.runs.map((r) => r.height))
        : item.kind === 'feed'
          ? item.lines
          : item.kind === 'qr'
            ? QR_LINES
            : 0;
    this.linesLeft = Math.max(0, this.linesLeft - used);
    this.paper = this.linesLeft === 0 ? 'out' : this.linesLeft < NEAR_END_LINES ? 'near_end' : 'ok';
  }

  private finish(bytes: Uint8Array, items: PreviewItem[], unknown: string[], cut: boolean, printed: boolean): void {
    const id = this.nextId++;
    const at = Date.now();
    const columns = this.options.columns ?? 48;
    const heading = `# 虚拟打印机 / virtual printer · job ${id} · ${new Date(at).toISOString()} · ${bytes.length} bytes${printed ? '' : ' · 缺纸，未打印完 / paper out, not printed'}`;
    const notes = unknown.length ? `\n# commands not previewed: ${[...new Set(unknown)].join(', ')}` : '';
    const preview = `${heading}${notes}\n${renderPreview(items, columns)}`;
    let previewFile: string | null = null;
    const dir = this.options.outDir;
    if (dir) {
      const stem = `${String(id).padStart(4, '0')}-${new Date(at).toISOString().replace(/[:.]/g, '-')}`;
      previewFile = join(dir, `${stem}.txt`);
      try {
        writeFileSync(previewFile, preview);
        writeFileSync(join(dir, `${stem}.bin`), bytes);
      } catch {
        previewFile = null;
      }
    }
    const job: VirtualJob = {
      id,
      at,
      bytes,
      items,
      qr: items.flatMap((i) => (i.kind === 'qr' ? [i.data] : [])),
      lines: items.flatMap((i) =>
        i.kind === 'line'
          ? [
              i.runs
                .map((r) => r.text)
                .join('')
                .trim(),
            ]
          : [],
      ),
      cut,
      printed,
      preview,
      previewFile,
      unknown,
    };
    this.jobs.push(job);
    this.emit('job', job);
  }
}

/** The job as sent, without the real-time status queries around it (DLE EOT n). */
function withoutQueries(bytes: number[]): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x10 && bytes[i + 1] === 0x04 && i + 2 < bytes.length) i += 2;
    else out.push(bytes[i]!);
  }
  return Uint8Array.from(out);
}

/**
 * Statistics through the API on a hand-made fixture day: every figure is worked out by hand in
 * the comments (not taken from the output), and the CSV and .xlsx exports show exactly the
 * numbers of the API.
 *
 * The day (Monday 2026-11-23, Shanghai): clerk01 at window 1, clerk02 at window 2 (社保 zone).
 *   09:00 A001 issued · 09:02 A002 · 09:05 B001 · 09:10 A003 · 10:05 C001 · 10:20 B002
 *   w1: A001 called 09:06, start 09:07, finish 09:15, rated 5 (非常满意)
 *   w2: A002 called 09:08, start 09:08, finish 09:20, rated 2 (不满意, a 差评 case)
 *   w1: B001 called 09:16, no-show 09:20
 *   w2: A003 called 09:21, start 09:22, finish 09:25, rated 4 (满意)
 *   B002 cancelled by the manager at 10:30 (never called)
 *   w1: C001 called 10:40 (waited 35 min, over the 30-min target), start 10:40, finish 11:00, not rated
 * Waits: A001 6, A002 6, B001 11, A003 11, C001 35. Service: A001 8, A002 12, A003 3, C001 20.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { StatFigures, StatsReport } from '../../common/manager-protocol.js';
import { createTestHall, DEMO_TOKENS, type Agent, type TestHall } from '../helpers/app.js';

let hall: TestHall;
let manager: Agent;
let H: number;
let caseId: number;
const DAY = '2026-11-23';
const at = (hhmm: string) => hall.clock.set(`${DAY}T${hhmm}:00+08:00`);

beforeAll(async () => {
  hall = await createTestHall();
  H = hall.hallId;
  manager = await hall.signIn('manager');
  const kiosk = hall.device(DEMO_TOKENS.kiosk);
  const clerk01 = await hall.signIn('clerk01');
  const clerk02 = await hall.signIn('clerk02');
  const w1 = hall.ids.window('1');
  const w2 = hall.ids.window('2');
  const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
    const res = await p;
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res as unknown as { json(): { ticket: { id: number; number: string } } & Record<string, unknown> };
  };
  const issue = async (prefix: string) =>
    (await ok(kiosk.post(`/api/halls/${H}/tickets`, { serviceId: hall.ids.service(prefix) }))).json().ticket;
  const cmd = (clerk: Agent, w: number, c: string) => ok(clerk.post(`/api/windows/${w}/${c}`));
  const rate = (pad: string, ticketId: number, level: number, reasons: string[] = []) =>
    ok(hall.device(DEMO_TOKENS.pad(pad)).post('/api/pad/ratings', { ticketId, level, reasons }));

  at('09:00');
  const a001 = await issue('A');
  at('09:02');
  const a002 = await issue('A');
  at('09:05');
  await issue('B');
  at('09:06');
  await cmd(clerk01, w1, 'call-next');
  at('09:07');
  await cmd(clerk01, w1, 'start');
  at('09:08');
  expect((await cmd(clerk02, w2, 'call-next')).json().ticket.number).toBe('A002');
  await cmd(clerk02, w2, 'start');
  at('09:10');
  const a003 = await issue('A');
  at('09:15');
  await cmd(clerk01, w1, 'finish');
  await rate('1', a001.id, 5);
  at('09:16');
  expect((await cmd(clerk01, w1, 'call-next')).json().ticket.number).toBe('B001');
  at('09:20');
  await cmd(clerk01, w1, 'no-show');
  await cmd(clerk02, w2, 'finish');
  caseId = ((await rate('2', a002.id, 2, ['服务态度差'])).json() as unknown as { case: { id: number } }).case.id;
  at('09:21');
  expect((await cmd(clerk02, w2, 'call-next')).json().ticket.number).toBe('A003');
  at('09:22');
  await cmd(clerk02, w2, 'start');
  at('09:25');
  await cmd(clerk02, w2, 'finish');
  await rate('2', a003.id, 4);
  at('10:05');
  await issue('C');
  at('10:20');
  const b002 = await issue('B');
  at('10:30');
  await ok(manager.post(`/api/tickets/${b002.id}/cancel`, { reason: '群众离开' }));
  at('10:40');
  expect((await cmd(clerk01, w1, 'call-next')).json().ticket.number).toBe('C001');
  await cmd(clerk01, w1, 'start');
  at('11:00');
  await cmd(clerk01, w1, 'finish');
  at('16:00');
});
afterAll(() => hall.close());

const report = async (query = ''): Promise<StatsReport> => {
  const res = await manager.get(`/api/halls/${H}/stats?from=${DAY}&to=${DAY}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const row = (r: StatsReport, dim: keyof StatsReport['by'], key: number | string | null) => r.by[dim].find((x) => x.key === key)!;

describe('the fixture day', () => {
  it('totals', async () => {
    const { totals, waitTargetMinutes } = await report();
    expect(waitTargetMinutes).toBe(30);
    expect(totals).toEqual<StatFigures>({
      issued: 6,
      served: 4, // A001, A002, A003, C001
      noShows: 1, // B001
      cancelled: 1, // B002
      open: 0,
      called: 5,
      waitAvgMinutes: 13.8, // (6 + 6 + 11 + 11 + 35) / 5 = 69 / 5
      waitP90Minutes: 35, // ⌈0.9 × 5⌉ = 5th of 6, 6, 11, 11, 35
      serviceAvgMinutes: 10.8, // (8 + 12 + 3 + 20) / 4 = 10.75
      serviceP90Minutes: 20, // ⌈0.9 × 4⌉ = 4th of 3, 8, 12, 20
      waitsOverTarget: 1, // C001, 35 > 30
      ratings: [1, 1, 0, 1, 0], // one each of 5, 4 and 2
      rated: 3,
      excludedRatings: 0,
      satisfactionPercent: 66.7, // levels 5–3: 2 of 3
      participationPercent: 75, // 3 rated of 4 served
    });
  });

  it('per service', async () => {
    const r = await report();
    expect(row(r, 'service', hall.ids.service('A'))).toMatchObject({
      label: '社保参保登记（A）',
      issued: 3,
      served: 3,
      waitAvgMinutes: 7.7, // (6 + 6 + 11) / 3 = 7.67
      waitP90Minutes: 11,
      serviceAvgMinutes: 7.7, // (8 + 12 + 3) / 3
      serviceP90Minutes: 12,
      ratings: [1, 1, 0, 1, 0],
      satisfactionPercent: 66.7,
      participationPercent: 100,
    });
    expect(row(r, 'service', hall.ids.service('B'))).toMatchObject({
      issued: 2,
      served: 0,
      noShows: 1,
      cancelled: 1,
      called: 1,
      waitAvgMinutes: 11,
      serviceAvgMinutes: null,
      rated: 0,
      satisfactionPercent: null,
      participationPercent: null,
    });
    expect(row(r, 'service', hall.ids.service('C'))).toMatchObject({
      issued: 1,
      served: 1,
      waitAvgMinutes: 35,
      waitsOverTarget: 1,
      serviceAvgMinutes: 20,
      rated: 0,
      participationPercent: 0,
    });
    expect(r.by.service).toHaveLength(3);
  });

  it('per window and per clerk (the never-called ticket under neither)', async () => {
    const r = await report();
    const w1 = {
      issued: 3,
      served: 2,
      noShows: 1,
      waitAvgMinutes: 17.3,
      waitP90Minutes: 35,
      serviceAvgMinutes: 14,
      serviceP90Minutes: 20,
      ratings: [1, 0, 0, 0, 0],
      satisfactionPercent: 100,
      participationPercent: 50,
    };
    const w2 = {
      issued: 2,
      served: 2,
      noShows: 0,
      waitAvgMinutes: 8.5,
      waitP90Minutes: 11,
      serviceAvgMinutes: 7.5,
      serviceP90Minutes: 12,
      ratings: [0, 1, 0, 1, 0],
      satisfactionPercent: 50,
      participationPercent: 100,
    };
    expect(row(r, 'window', hall.ids.window('1'))).toMatchObject({ label: '1号窗口', ...w1 }); // waits (6 + 11 + 35) / 3 = 17.33
    expect(row(r, 'window', hall.ids.window('2'))).toMatchObject({ label: '2号窗口', ...w2 });
    expect(row(r, 'window', null)).toMatchObject({ label: '未到窗口', issued: 1, cancelled: 1 });
    expect(row(r, 'clerk', hall.ids.user('clerk01'))).toMatchObject({ label: '李敏（ZW0101）', ...w1 });
    expect(row(r, 'clerk', hall.ids.user('clerk02'))).toMatchObject({ label: '张伟（ZW0102）', ...w2 });
  });

  it('per hour and per day', async () => {
    const r = await report();
    expect(r.by.hour.map((h) => [h.key, h.label, h.issued])).toEqual([
      [9, '09:00–10:00', 4],
      [10, '10:00–11:00', 2],
    ]);
    expect(row(r, 'hour', 9)).toMatchObject({ served: 3, noShows: 1, waitAvgMinutes: 8.5, waitP90Minutes: 11 }); // (6 + 6 + 11 + 11) / 4
    expect(row(r, 'hour', 10)).toMatchObject({ served: 1, cancelled: 1, waitAvgMinutes: 35 });
    expect(r.by.day).toEqual([expect.objectContaining({ key: DAY, issued: 6, served: 4 })]);
  });

  it('filters narrow the tickets before the breakdowns', async () => {
    const byService = await report(`&serviceId=${hall.ids.service('A')}`);
    expect(byService.totals).toMatchObject({ issued: 3, served: 3, waitAvgMinutes: 7.7 });
    expect(byService.filter).toEqual({ serviceId: hall.ids.service('A'), windowId: null, clerkId: null });
    const byWindow = await report(`&windowId=${hall.ids.window('2')}`);
    expect(byWindow.totals).toMatchObject({ issued: 2, served: 2, satisfactionPercent: 50 });
    expect((await report(`&clerkId=${hall.ids.user('clerk01')}`)).totals).toMatchObject({ issued: 3, noShows: 1 });
  });

  it('an empty range is all zeros and nulls; a day before has nothing', async () => {
    const res = await manager.get(`/api/halls/${H}/stats?from=2026-11-20&to=2026-11-22`);
    expect(res.json().totals).toMatchObject({ issued: 0, served: 0, waitAvgMinutes: null, satisfactionPercent: null });
  });

  it.each([
    ['from after to', 'from=2026-11-24&to=2026-11-23', 'invalid_range'],
    ['not a date', 'from=2026-02-30&to=2026-03-01', 'invalid_range'],
    ['more than a year', 'from=2025-01-01&to=2026-11-23', 'invalid_range'],
    ['no dates', '', 'invalid_input'],
  ])('refused: %s', async (_name, query, code) => {
    const res = await manager.get(`/api/halls/${H}/stats?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  });

  it('clerks cannot read statistics', async () => {
    expect((await (await hall.signIn('clerk01')).get(`/api/halls/${H}/stats?from=${DAY}&to=${DAY}`)).statusCode).toBe(403);
  });
});

describe('exports equal the API', () => {
  const figures = (f: StatFigures) => [
    f.issued,
    f.served,
    f.noShows,
    f.cancelled,
    f.open,
    f.waitAvgMinutes,
    f.waitP90Minutes,
    f.serviceAvgMinutes,
    f.serviceP90Minutes,
    f.waitsOverTarget,
    ...f.ratings,
    f.rated,
    f.satisfactionPercent,
    f.participationPercent,
  ];

  it('CSV per breakdown: a UTF-8 BOM, a header, one line per row of the API and a total', async () => {
    const r = await report();
    for (const dimension of ['service', 'window', 'clerk', 'hour', 'day'] as const) {
      const res = await manager.get(`/api/halls/${H}/stats/export?from=${DAY}&to=${DAY}&format=csv&dimension=${dimension}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`统计-${DAY}_${DAY}-${dimension}.csv`)}`);
      expect(res.body.charCodeAt(0)).toBe(0xfeff);
      const lines = res.body
        .slice(1)
        .trimEnd()
        .split('\r\n')
        .map((l) => l.split(','));
      expect(lines[0]!.slice(0, 3)).toEqual([
        { service: '事项', window: '窗口', clerk: '人员', hour: '时段', day: '日期' }[dimension],
        '取号',
        '办结',
      ]);
      const expected = [...r.by[dimension].map((x) => [x.label, ...figures(x)]), ['合计', ...figures(r.totals)]];
      expect(lines.slice(1)).toEqual(expected.map((cells) => cells.map((c) => (c === null ? '' : String(c)))));
    }
  });

  it('.xlsx: a summary sheet and every breakdown, with the API’s numbers', async () => {
    const r = await report();
    const res = await manager.get(`/api/halls/${H}/stats/export?from=${DAY}&to=${DAY}&format=xlsx`);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '汇总',
      '按事项',
      '按窗口',
      '按人员',
      '按时段',
      '按日期',
    ]);
    const sheet = (n: number) => readSheet(strFromU8(files[`xl/worksheets/sheet${n}.xml`]!));
    const summary = sheet(1);
    expect(summary.find((row) => row[0] === '平均等候（分钟）')).toEqual(['平均等候（分钟）', r.totals.waitAvgMinutes]);
    expect(summary.find((row) => row[0] === '好评率（%）')).toEqual(['好评率（%）', r.totals.satisfactionPercent]);
    const services = sheet(2);
    expect(services.slice(1)).toEqual([...r.by.service.map((x) => [x.label, ...figures(x)]), ['合计', ...figures(r.totals)]]);
    const hours = sheet(5);
    expect(hours.slice(1).map((row) => row.slice(0, 2))).toEqual([
      ['09:00–10:00', 4],
      ['10:00–11:00', 2],
      ['合计', 6],
    ]);
  });

  it('.xlsx of a filtered report says what it was filtered by, and counts the ratings an appeal excluded', async () => {
    const A = hall.ids.service('A');
    const res = await manager.get(
      `/api/halls/${H}/stats/export?from=${DAY}&to=${DAY}&format=xlsx&serviceId=${A}&windowId=${hall.ids.window('1')}`,
    );
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const summary = readSheet(strFromU8(files['xl/worksheets/sheet1.xml']!));
    expect(summary.find((row) => row[0] === '筛选')).toEqual(['筛选', '事项：社保参保登记（A）；窗口：1号窗口']);
    expect(summary.find((row) => String(row[0]).startsWith('申诉核准'))?.[1]).toBe(0);
    const whole = unzipSync(
      new Uint8Array((await manager.get(`/api/halls/${H}/stats/export?from=${DAY}&to=${DAY}&format=xlsx&lang=en`)).rawPayload),
    );
    expect(readSheet(strFromU8(whole['xl/worksheets/sheet1.xml']!)).find((row) => row[0] === 'Filter')).toEqual(['Filter', 'Whole hall']);
  });

  it('in English on request', async () => {
    const res = await manager.get(`/api/halls/${H}/stats/export?from=${DAY}&to=${DAY}&format=csv&dimension=window&lang=en`);
    const [header, first] = res.body.slice(1).split('\r\n');
    expect(header!.split(',').slice(0, 3)).toEqual(['Window', 'Issued', 'Served']);
    expect(first!.startsWith('Window 1,3,2')).toBe(true);
  });
});

describe('an approved appeal', () => {
  it('takes the rating out of the figures and keeps it on record', async () => {
    expect(
      (await manager.post(`/api/halls/${H}/cases/${caseId}/appeal`, { kind: 'mistaken', reason: '群众误触，已电话确认' })).statusCode,
    ).toBe(200);
    const admin = await hall.signIn('admin');
    expect(
      (await admin.post(`/api/halls/${H}/cases/${caseId}/appeal/decision`, { approve: true, note: '经回放核实为误评' })).json(),
    ).toMatchObject({ status: 'closed', appealStatus: 'approved', rating: { level: 2, excluded: true } });
    const { totals } = await report();
    expect(totals).toMatchObject({
      ratings: [1, 1, 0, 0, 0],
      rated: 2,
      excludedRatings: 1,
      satisfactionPercent: 100,
      participationPercent: 50,
    });
    expect(hall.store.sqlite.prepare('SELECT level, excluded FROM ratings WHERE level = 2').all()).toEqual([{ level: 2, excluded: 1 }]);
  });
});

/** Cells of a worksheet, row by row (as wide as the header): numbers as numbers, inline strings as text, empty as null. */
function readSheet(xml: string): (string | number)[][] {
  const rows = [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((m) => {
    const cells: (string | number | null)[] = [];
    for (const c of m[1]!.matchAll(/<c r="([A-Z]+)\d+"[^>]*?(?:\/>|>(.*?)<\/c>)/g)) {
      const col = [...c[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const inner = c[2] ?? '';
      const text = /<t[^>]*>(.*?)<\/t>/.exec(inner);
      const value = /<v>(.*?)<\/v>/.exec(inner);
      cells[col] = text ? text[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>') : value ? Number(value[1]) : null;
    }
    return cells;
  });
  const width = rows[0]!.length;
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null) as (string | number)[]);
}

/**
 * The demo hall, seeded on an empty database by `npm start`: a county hall in the "3+2+N"
 * layout of the policy documents (three theme zones, two professional zones, N special windows),
 * mostly comprehensive windows (综合窗口), demo staff and paired demo devices so every screen
 * works right away.
 */
import { hashPassword } from '../services/auth-service.js';
import { sha256 } from '../services/auth-service.js';
import type { WindowMode } from '../../common/vocabulary.js';
import type { Store } from '../store/store.js';

export const DEMO_PASSWORD = 'demo1234';

interface ZoneSeed {
  name: string;
  nameEn: string;
  kind: 'theme' | 'professional' | 'special';
  services: [name: string, nameEn: string, prefix: string, quota: number | null, minutes: number][];
}

export const DEMO_ZONES: ZoneSeed[] = [
  {
    name: '社会保障服务区',
    nameEn: 'Social security',
    kind: 'theme',
    services: [
      ['社保参保登记', 'Social insurance registration', 'A', 300, 8],
      ['社会保障卡办理', 'Social security card', 'B', 200, 6],
      ['医疗保险报销', 'Medical insurance claims', 'C', 200, 10],
      ['就业创业服务', 'Employment services', 'D', 150, 12],
    ],
  },
  {
    name: '不动产服务区',
    nameEn: 'Real estate',
    kind: 'theme',
    services: [
      ['不动产登记', 'Real estate registration', 'E', 150, 20],
      ['不动产抵押登记', 'Mortgage registration', 'F', 100, 15],
      ['房产交易', 'Property transactions', 'G', 100, 25],
    ],
  },
  {
    name: '企业服务区',
    nameEn: 'Business services',
    kind: 'theme',
    services: [
      ['企业开办', 'Starting a business', 'H', 150, 15],
      ['经营许可', 'Business licences', 'J', 100, 15],
      ['工程建设项目审批', 'Construction project approval', 'K', 60, 30],
    ],
  },
  {
    name: '税务服务区',
    nameEn: 'Taxation',
    kind: 'professional',
    services: [
      ['税务登记', 'Tax registration', 'L', 150, 10],
      ['发票办理', 'Invoices', 'M', 200, 6],
      ['个人所得税', 'Individual income tax', 'N', 150, 10],
    ],
  },
  {
    name: '公安交警服务区',
    nameEn: 'Police and traffic',
    kind: 'professional',
    services: [
      ['户籍办理', 'Household registration', 'P', 150, 12],
      ['居民身份证', 'Resident ID card', 'Q', 200, 8],
      ['驾驶证业务', 'Driving licences', 'R', 150, 10],
      ['机动车业务', 'Vehicle registration', 'S', 100, 15],
    ],
  },
  {
    name: '特色服务窗口',
    nameEn: 'Special windows',
    kind: 'special',
    services: [
      ['帮办代办', 'Assisted applications', 'T', null, 20],
      ['跨省通办/异地通办', 'Cross-province services', 'U', 80, 20],
      ['“办不成事”反映', '"Could not get it done" desk', 'V', null, 15],
      ['一件事一次办', 'One-stop life events', 'W', 100, 30],
    ],
  },
];

interface WindowSeed {
  number: string;
  name: string;
  zone: number; // index into DEMO_ZONES
  mode: WindowMode;
  /** Prefixes of the services of a specialist window. */
  services?: string[];
  clerk?: number; // index into DEMO_CLERKS, signed in and open
}

export const DEMO_WINDOWS: WindowSeed[] = [
  { number: '1', name: '社保综合窗口', zone: 0, mode: 'zone', clerk: 0 },
  { number: '2', name: '社保综合窗口', zone: 0, mode: 'zone', clerk: 1 },
  { number: '3', name: '社保综合窗口', zone: 0, mode: 'zone', clerk: 2 },
  { number: '4', name: '不动产综合窗口', zone: 1, mode: 'zone', clerk: 3 },
  { number: '5', name: '不动产综合窗口', zone: 1, mode: 'zone' },
  { number: '6', name: '企业服务综合窗口', zone: 2, mode: 'zone', clerk: 4 },
  { number: '7', name: '企业服务综合窗口', zone: 2, mode: 'zone' },
  { number: '8', name: '无差别综合窗口', zone: 0, mode: 'hall', clerk: 5 },
  { number: '9', name: '无差别综合窗口', zone: 0, mode: 'hall' },
  { number: '10', name: '税务综合窗口', zone: 3, mode: 'zone', clerk: 6 },
  { number: '11', name: '发票专窗', zone: 3, mode: 'specialist', services: ['M'] },
  { number: '12', name: '户籍身份证窗口', zone: 4, mode: 'specialist', services: ['P', 'Q'], clerk: 7 },
  { number: '13', name: '交管业务窗口', zone: 4, mode: 'specialist', services: ['R', 'S'] },
  { number: '14', name: '帮办代办窗口', zone: 5, mode: 'specialist', services: ['T', 'V'] },
  { number: '15', name: '跨省通办窗口', zone: 5, mode: 'specialist', services: ['U', 'W'] },
  { number: '16', name: '“办不成事”反映窗口', zone: 5, mode: 'specialist', services: ['V'] },
];

export const DEMO_CLERKS: [username: string, name: string, staffNo: string][] = [
  ['clerk01', '李敏', 'ZW0101'],
  ['clerk02', '张伟', 'ZW0102'],
  ['clerk03', '王芳', 'ZW0103'],
  ['clerk04', '刘洋', 'ZW0104'],
  ['clerk05', '陈静', 'ZW0105'],
  ['clerk06', '杨帆', 'ZW0106'],
  ['clerk07', '赵磊', 'ZW0107'],
  ['clerk08', '黄丽', 'ZW0108'],
  ['clerk09', '周杰', 'ZW0109'],
  ['clerk10', '吴婷', 'ZW0110'],
];

/** 预约: services that take appointments in the demo, with their daily slots (every weekday). */
export const DEMO_APPOINTMENTS: { prefixes: string[]; slots: [start: string, end: string, capacity: number][] } = {
  prefixes: ['A', 'E', 'H', 'P'],
  slots: [
    ['09:00', '10:00', 6],
    ['10:00', '11:00', 6],
    ['14:00', '15:00', 6],
    ['15:00', '16:00', 6],
  ],
};

/** Demo device tokens, printed with the screen URLs. Real devices pair with a code instead. */
export const DEMO_TOKENS = {
  board: 'demo-board-hall-token',
  zoneBoard: 'demo-board-zone1-token',
  kiosk: 'demo-kiosk-token',
  windowScreen: (n: string) => `demo-window-${n}-token`,
  pad: (n: string) => `demo-pad-${n}-token`,
};

export interface SeedResult {
  hallId: number;
  staff: { username: string; role: string; name: string }[];
}

export async function seedDemoHall(
  store: Store,
  options: { timezone: string; virtualPrinterAddress: string | null; now?: number },
): Promise<SeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = options.now ?? Date.now();
  return store.transact(async (tx) => {
    const hall = await tx.halls.insert({
      code: 'demo',
      name: '示范县政务服务中心',
      timezone: options.timezone,
      // The demo opens all day, every day, so it works whenever someone tries it.
      openingHours: '00:00-24:00',
      notice:
        '欢迎来到示范县政务服务中心。请留意屏幕叫号，过号请到原窗口申请重新排队。“高效办成一件事”，办事不满意请扫码评价或到“办不成事”反映窗口。',
      settings: { calendar: { openWeekdays: [1, 2, 3, 4, 5, 6, 7] } },
    });

    const serviceByPrefix = new Map<string, number>();
    const zoneIds: number[] = [];
    for (const [zi, z] of DEMO_ZONES.entries()) {
      const zone = await tx.zones.insert({ hallId: hall.id, name: z.name, nameEn: z.nameEn, kind: z.kind, sortOrder: zi });
      zoneIds.push(zone.id);
      for (const [si, [name, nameEn, prefix, quota, minutes]] of z.services.entries()) {
        const service = await tx.services.insert({
          hallId: hall.id,
          zoneId: zone.id,
          name,
          nameEn,
          prefix,
          dailyQuota: quota,
          openingHours: null,
          expectedMinutes: minutes,
          enabled: true,
          sortOrder: zi * 10 + si,
        });
        serviceByPrefix.set(prefix, service.id);
      }
    }

    for (const prefix of DEMO_APPOINTMENTS.prefixes) {
      for (let weekday = 1; weekday <= 7; weekday++) {
        for (const [start, end, capacity] of DEMO_APPOINTMENTS.slots) {
          await tx.phone.insertSlot({ serviceId: serviceByPrefix.get(prefix)!, weekday, start, end, capacity });
        }
      }
    }

    await tx.users.insert({
      hallId: null,
      username: 'admin',
      displayName: '系统管理员',
      staffNo: 'ADMIN',
      role: 'admin',
      passwordHash,
      photoUrl: null,
      disabled: false,
    });
    await tx.users.insert({
      hallId: hall.id,
      username: 'manager',
      displayName: '孙主任',
      staffNo: 'ZW0001',
      role: 'manager',
      passwordHash,
      photoUrl: null,
      disabled: false,
    });
    const clerkIds: number[] = [];
    for (const [username, name, staffNo] of DEMO_CLERKS) {
      const user = await tx.users.insert({
        hallId: hall.id,
        username,
        displayName: name,
        staffNo,
        role: 'clerk',
        passwordHash,
        photoUrl: null,
        disabled: false,
      });
      clerkIds.push(user.id);
    }

    const windowIds: number[] = [];
    for (const w of DEMO_WINDOWS) {
      const clerkId = w.clerk !== undefined ? clerkIds[w.clerk]! : null;
      const window = await tx.windows.insert({
        hallId: hall.id,
        zoneId: zoneIds[w.zone]!,
        number: w.number,
        name: w.name,
        mode: w.mode,
        status: clerkId ? 'open' : 'closed',
        pauseReason: null,
        statusChangedAt: now,
        clerkId,
        backupClerkId: null,
        printsRatingSlip: false,
        enabled: true,
      });
      windowIds.push(window.id);
      if (w.services) {
        await tx.windows.setServedRows(
          window.id,
          w.services.map((p) => ({ serviceId: serviceByPrefix.get(p)!, tier: 1, weight: 1 })),
        );
      }
    }
    // Every clerk may staff the windows of their zone and the 无差别 windows; clerk09/10 float.
    for (const [ci, userId] of clerkIds.entries()) {
      const home = DEMO_WINDOWS.findIndex((w) => w.clerk === ci);
      const zone = home >= 0 ? DEMO_WINDOWS[home]!.zone : -1;
      const allowed = DEMO_WINDOWS.flatMap((w, i) => (ci >= 8 || w.zone === zone || w.mode === 'hall' ? [windowIds[i]!] : []));
      await tx.windows.setPermittedWindowIds(userId, allowed);
    }

    const device = async (
      kind: 'board' | 'window_screen' | 'kiosk' | 'pad' | 'printer',
      name: string,
      token: string | null,
      extra: { windowId?: number; zoneId?: number; address?: string; printerId?: number } = {},
    ) =>
      tx.devices.insert({
        hallId: hall.id,
        kind,
        name,
        status: 'active',
        tokenHash: token ? sha256(token) : null,
        pairingCode: null,
        pairingExpiresAt: null,
        windowId: extra.windowId ?? null,
        zoneId: extra.zoneId ?? null,
        printerId: extra.printerId ?? null,
        address: extra.address ?? null,
        settings: {},
        state: {},
      });
    const printer = options.virtualPrinterAddress
      ? await device('printer', '取号机打印机（虚拟）', null, { address: options.virtualPrinterAddress })
      : null;
    await device('board', '大厅综合屏', DEMO_TOKENS.board);
    await device('board', '社会保障服务区屏', DEMO_TOKENS.zoneBoard, { zoneId: zoneIds[0]! });
    await device('kiosk', '入口取号机', DEMO_TOKENS.kiosk, printer ? { printerId: printer.id } : {});
    for (const [i, w] of DEMO_WINDOWS.entries()) {
      await device('window_screen', `${w.number}号窗口屏`, DEMO_TOKENS.windowScreen(w.number), { windowId: windowIds[i]! });
      await device('pad', `${w.number}号窗口评价器`, DEMO_TOKENS.pad(w.number), { windowId: windowIds[i]! });
    }

    return {
      hallId: hall.id,
      staff: [
        { username: 'admin', role: 'admin', name: '系统管理员' },
        { username: 'manager', role: 'manager', name: '孙主任' },
        ...DEMO_CLERKS.map(([username, name]) => ({ username, role: 'clerk', name })),
      ],
    };
  });
}

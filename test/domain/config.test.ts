/**
 * Configuration checks (common/domain/config.ts): each field's rule, and that a refusal names
 * the field in Chinese and English.
 */
import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  checkPrinterAddress,
  checkService,
  checkSettingsSection,
  checkUser,
  checkWindow,
  checkZone,
} from '../../common/domain/config.js';
import { DEFAULT_SETTINGS } from '../../common/domain/settings.js';

const refused = (fn: () => unknown, field: string) => {
  try {
    fn();
  } catch (e) {
    expect(e).toMatchObject({ statusCode: 400, code: 'invalid_config', details: { field } });
    expect((e as { messageZh: string }).messageZh).toMatch(/[\u4e00-\u9fa5]/);
    expect((e as { messageEn: string }).messageEn).toMatch(/[a-z]/);
    return;
  }
  expect.unreachable(`expected ${field} to be refused`);
};

describe('services', () => {
  const ok = {
    name: ' 社保参保登记 ',
    prefix: 'a',
    zoneId: 1,
    dailyQuota: 300,
    openingHours: '08:30-12:00, 13:30-17:30',
    expectedMinutes: 8,
  };
  it('normalizes what it stores', () => {
    expect(checkService(ok)).toEqual({
      name: '社保参保登记',
      nameEn: '',
      prefix: 'A',
      zoneId: 1,
      dailyQuota: 300,
      openingHours: '08:30-12:00,13:30-17:30',
      expectedMinutes: 8,
      enabled: true,
      sortOrder: 0,
    });
    expect(checkService({ ...ok, dailyQuota: null, openingHours: '' })).toMatchObject({ dailyQuota: null, openingHours: null });
  });
  it.each([
    [{ name: '' }, 'name'],
    [{ name: '字'.repeat(41) }, 'name'],
    [{ prefix: 'ABC' }, 'prefix'],
    [{ prefix: '1' }, 'prefix'],
    [{ dailyQuota: 0 }, 'dailyQuota'],
    [{ dailyQuota: 10000 }, 'dailyQuota'],
    [{ openingHours: '12:00-08:00' }, 'openingHours'],
    [{ openingHours: '08:00-12:00,11:00-13:00' }, 'openingHours'],
    [{ expectedMinutes: 0 }, 'expectedMinutes'],
    [{ expectedMinutes: 2.5 }, 'expectedMinutes'],
  ])('%j is refused', (patch, field) => refused(() => checkService({ ...ok, ...patch }), field));
  it('a change keeps the current values it does not name', () => {
    const current = checkService(ok);
    expect(checkService({ enabled: false }, current)).toEqual({ ...current, enabled: false });
  });
});

describe('zones and windows', () => {
  it.each([
    [{ name: '', kind: 'theme' }, 'name'],
    [{ name: '税务', kind: 'other' }, 'kind'],
  ])('zone %j is refused', (input, field) => refused(() => checkZone(input as never), field));
  it.each([
    [{ number: '', name: 'x' }, 'number'],
    [{ number: '十二', name: 'x' }, 'number'],
    [{ number: '1234567', name: 'x' }, 'number'],
    [{ number: '12', name: ' ' }, 'name'],
  ])('window %j is refused', (input, field) => refused(() => checkWindow(input), field));
  it('a window number may be letters and digits', () => {
    expect(checkWindow({ number: ' A3 ', name: '综合窗口' })).toEqual({
      number: 'A3',
      name: '综合窗口',
      zoneId: null,
      printsRatingSlip: false,
      enabled: true,
    });
  });
});

describe('staff accounts', () => {
  it.each([
    [{ username: 'ab', displayName: '李敏', role: 'clerk' }, 'username'],
    [{ username: 'li min', displayName: '李敏', role: 'clerk' }, 'username'],
    [{ username: 'limin', displayName: '', role: 'clerk' }, 'displayName'],
    [{ username: 'limin', displayName: '李敏', role: 'boss' }, 'role'],
  ])('%j is refused', (input, field) => refused(() => checkUser(input as never), field));
  it.each(['short1', 'onlyletters', '12345678', ''])('password %j is refused', (p) => refused(() => checkPassword(p), 'password'));
  it('a password with letters and digits is accepted', () => expect(checkPassword('window2026')).toBe('window2026'));
});

describe('network printers', () => {
  it.each([
    ['192.168.1.50', '192.168.1.50:9100'],
    [' 192.168.1.50:9101 ', '192.168.1.50:9101'],
    ['printer-1.hall.lan', 'printer-1.hall.lan:9100'],
  ])('%s → %s', (input, expected) => expect(checkPrinterAddress(input)).toBe(expected));
  it.each(['', '300.1.1.1', '192.168.1.50:0', '192.168.1.50:70000', 'http://x', 'a b'])('%j is refused', (a) =>
    refused(() => checkPrinterAddress(a), 'address'),
  );
});

describe('settings sections', () => {
  it.each([
    ['voice', { templateZh: '请到{window}号窗口' }, 'templateZh'],
    ['voice', { rate: 3 }, 'rate'],
    ['voice', { repeat: 0 }, 'repeat'],
    ['fairness', { priorityStreakLimit: 0 }, 'priorityStreakLimit'],
    ['fairness', { boostAfterMinutes: 1 }, 'boostAfterMinutes'],
    ['fairness', { requeuePosition: 'front' }, 'requeuePosition'],
    ['rating', { badReasons: [] }, 'badReasons'],
    ['rating', { badReasons: ['态度差', '态度差'] }, 'badReasons'],
    ['rating', { badReasons: ['其他'] }, 'badReasons'],
    ['rating', { padTimeoutSeconds: 5 }, 'padTimeoutSeconds'],
    ['rating', { caseDeadlineWorkingDays: 0 }, 'caseDeadlineWorkingDays'],
    ['calendar', { openWeekdays: [] }, 'openWeekdays'],
    ['calendar', { openWeekdays: [0, 8] }, 'openWeekdays'],
    ['calendar', { nonWorkingDays: ['2026-02-30'] }, 'nonWorkingDays'],
    ['calendar', { nonWorkingDays: ['2026-10-01'], extraWorkingDays: ['2026-10-01'] }, 'extraWorkingDays'],
    ['alerts', { waitTargetMinutes: 1 }, 'waitTargetMinutes'],
    ['alerts', { deviceOfflineSeconds: 10 }, 'deviceOfflineSeconds'],
  ] as const)('%s %j is refused', (section, patch, field) =>
    refused(() => checkSettingsSection(section, DEFAULT_SETTINGS[section] as never, patch), field),
  );

  it('a key the section does not have is refused, naming it (a typo must not pass as saved)', () => {
    expect(() => checkSettingsSection('alerts', DEFAULT_SETTINGS.alerts, { waitTargetMinutes: 20, waitTargetMinuts: 25 })).toThrow(
      expect.objectContaining({
        statusCode: 400,
        code: 'invalid_config',
        details: expect.objectContaining({ field: 'waitTargetMinuts', unknown: ['waitTargetMinuts'] }),
      }),
    );
  });

  it('a valid change is merged over the section and normalized', () => {
    expect(
      checkSettingsSection('calendar', DEFAULT_SETTINGS.calendar, {
        nonWorkingDays: ['2026-10-02', '2026-10-01', '2026-10-01'],
        extraWorkingDays: ['2026-10-11'],
      }),
    ).toEqual({
      openWeekdays: [1, 2, 3, 4, 5],
      nonWorkingDays: ['2026-10-01', '2026-10-02'],
      extraWorkingDays: ['2026-10-11'],
    });
    expect(
      checkSettingsSection('rating', DEFAULT_SETTINGS.rating, { badReasons: [' 等候太久 ', '态度差'], caseDeadlineWorkingDays: 3 }),
    ).toMatchObject({ badReasons: ['等候太久', '态度差'], caseDeadlineWorkingDays: 3, padTimeoutSeconds: 60 });
  });
});

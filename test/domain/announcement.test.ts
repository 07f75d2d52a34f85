import { describe, expect, it } from 'vitest';
import { buildAnnouncement, chineseNumber, speakNumber, templateProblems } from '../../common/domain/announcement.js';
import { DEFAULT_SETTINGS } from '../../common/domain/settings.js';

describe('Chinese numbers as spoken', () => {
  it.each([
    [0, '零'],
    [3, '三'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [105, '一百零五'],
    [112, '一百一十二'],
    [200, '两百'],
    [1000, '一千'],
    [2005, '两千零五'],
    [10010, '一万零一十'],
  ])('%i → %s', (n, text) => {
    expect(chineseNumber(n)).toBe(text);
  });
});

describe('number reading', () => {
  it.each([
    ['A012', 'digits', 'zh-CN', 'A零一二'],
    ['A012', 'number', 'zh-CN', 'A十二'],
    ['B1000', 'number', 'zh-CN', 'B一千'],
    ['A012', 'digits', 'en', 'A zero one two'],
    ['A012', 'number', 'en', 'A 12'],
    ['AB105', 'number', 'en', 'A B 105'],
  ] as const)('%s read as %s in %s → %s', (number, reading, language, spoken) => {
    expect(speakNumber(number, reading, language)).toBe(spoken);
  });
});

describe('announcement text', () => {
  const voice = DEFAULT_SETTINGS.voice;
  it('the default Chinese call, as shown and as spoken', () => {
    const a = buildAnnouncement({ number: 'A012', window: '3', windowName: '社保综合窗口', service: '社保参保登记' }, voice);
    expect(a.text['zh-CN']).toBe('请A012号到3号窗口办理');
    expect(a.speech['zh-CN']).toBe('请A零一二号到三号窗口办理');
    expect(a.text.en).toBe('Number A012, please go to window 3');
    expect(a.speech.en).toBe('Number A zero one two, please go to window 3');
  });

  it('window 12 is read as a number, not digit by digit', () => {
    const a = buildAnnouncement({ number: 'M001', window: '12', windowName: '', service: '' }, voice);
    expect(a.speech['zh-CN']).toBe('请M零零一号到十二号窗口办理');
  });

  it('a custom template may use the window name and the service', () => {
    const a = buildAnnouncement(
      { number: 'T003', window: '14', windowName: '帮办代办窗口', service: '帮办代办' },
      { ...voice, templateZh: '{number}号请到{windowName}（{window}号）办理{service}', numberReading: 'number' },
    );
    expect(a.text['zh-CN']).toBe('T003号请到帮办代办窗口（14号）办理帮办代办');
    expect(a.speech['zh-CN']).toBe('T三号请到帮办代办窗口（十四号）办理帮办代办');
  });

  it.each([
    ['请{number}号到{window}号窗口', []],
    ['请{number}号到{windowName}', []],
    ['请到{window}号窗口', ['{number}']],
    ['请稍候', ['{number}', '{window}']],
  ])('template %j problems: %j', (template, problems) => {
    expect(templateProblems(template)).toEqual(problems);
  });
});

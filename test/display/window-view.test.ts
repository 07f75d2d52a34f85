// @vitest-environment happy-dom
/**
 * The window screen in given states (happy-dom): a called ticket (flashing), a ticket being
 * served, idle, paused with its reason, closed, no clerk, a 无差别 window, a specialist window,
 * long names and a 4-digit number; English.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../common/ui/i18n.js';
import type { WindowView as WindowState } from '../../common/protocol.js';
import { windowScreenModel } from '../../display/window-screen/window-model.js';
import '../../display/window-screen/window-view.js';
import type { WindowScreenView } from '../../display/window-screen/window-view.js';
import { NOW, services, snapshot, ticket, windowView } from './fixtures.js';

afterEach(async () => {
  document.body.replaceChildren();
  await setLocale('zh-CN');
});

async function mount(
  window: WindowState,
  props: Partial<WindowScreenView> = {},
  locale = 'zh-CN',
  s = snapshot(),
): Promise<WindowScreenView> {
  const el = document.createElement('hq-window-screen-view');
  Object.assign(el, { model: windowScreenModel({ ...s, windows: [window] }, window.id, locale), now: NOW }, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const $ = (el: WindowScreenView, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const called = ticket(21, 'A007', { status: 'called', windowId: 1, calledAt: NOW - 2000 });

describe('<hq-window-screen-view>', () => {
  it('a called ticket: window number and name, its zone, status, the number (flashing), services, clerk and staff number', async () => {
    const el = await mount(windowView({ current: called }), { highlight: true });
    expect(text($(el, '.badge'))).toBe('1 号窗口');
    expect(text($(el, 'header h1'))).toBe('社保综合窗口');
    expect(text($(el, 'header .domain'))).toBe('综合窗口 · 社会保障服务区');
    expect(text($(el, '.status'))).toBe('服务中');
    expect($(el, '.status')!.classList.contains('open')).toBe(true);
    expect(text($(el, 'main .label'))).toBe('请以下号码到本窗口办理');
    expect(text($(el, 'main .ticket'))).toBe('A007');
    expect($(el, 'main .ticket')!.classList.contains('lit')).toBe(true);
    expect(text($(el, '.services'))).toBe('办理事项 社保参保登记 · 社会保障卡办理 · 医疗保险报销');
    expect(text($(el, '.clerk'))).toBe('李敏 工号 ZW0101');
    expect(text($(el, '.photo'))).toBe('李');
    expect(text($(el, 'footer .clock'))).toBe('10:00');
  });

  it('being served: 正在办理, no flashing', async () => {
    const el = await mount(windowView({ current: { ...called, status: 'serving' } }));
    expect(text($(el, 'main .label'))).toBe('正在办理');
    expect($(el, 'main .ticket')!.classList.contains('lit')).toBe(false);
  });

  it('open and idle: invites to listen for the call', async () => {
    const el = await mount(windowView());
    expect(text($(el, 'main'))).toBe('欢迎办理 请留意叫号，听到您的号码后到本窗口办理');
  });

  it('paused: 暂停服务 with the reason', async () => {
    const el = await mount(windowView({ status: 'paused', pauseReason: '午休' }));
    expect(text($(el, '.status'))).toBe('暂停服务');
    expect($(el, '.status')!.classList.contains('paused')).toBe(true);
    expect(text($(el, 'main .big'))).toBe('暂停服务');
    expect(text($(el, 'main .reason'))).toBe('午休');
    expect(text($(el, 'main .hint'))).toBe('请稍候，或到其他窗口办理');
  });

  it('closed and nobody on duty: 已关闭', async () => {
    const el = await mount(windowView({ status: 'closed', clerk: null }));
    expect(text($(el, '.status'))).toBe('已关闭');
    expect(text($(el, 'main'))).toBe('已关闭 本窗口暂停受理，请到其他窗口办理');
    expect(text($(el, 'footer .clerk'))).toBe('暂无工作人员');
    expect($(el, '.photo')).toBeNull();
  });

  it('a 无差别 window serves everything; a specialist window names its zone and services', async () => {
    const hall = await mount(windowView({ id: 8, number: '8', name: '无差别综合窗口', mode: 'hall', serviceIds: [1, 2, 3, 4] }));
    expect(text($(hall, 'header .domain'))).toBe('综合窗口 · 无差别受理');
    expect(text($(hall, '.services'))).toBe('办理事项 本大厅全部事项');
    hall.remove();
    const specialist = await mount(
      windowView({ id: 4, number: '12', name: '户籍身份证窗口', mode: 'specialist', zoneId: 2, serviceIds: [4] }),
    );
    expect(text($(specialist, 'header .domain'))).toBe('专业窗口 · 不动产服务区');
    expect(text($(specialist, '.services'))).toBe('办理事项 不动产登记');
  });

  it('long names and a 4-digit number fit: the name ellipsizes, services wrap to two lines, the number sizes by length', async () => {
    const longName = '“高效办成一件事”综合受理窗口（企业开办、变更、注销）';
    const s = snapshot({ services: services.map((x) => ({ ...x, name: `${x.name}（含线上预约、材料预审及证照邮寄服务）` })) });
    const el = await mount(
      windowView({ name: longName, current: ticket(30, 'AB1234', { status: 'called', windowId: 1 }) }),
      {},
      'zh-CN',
      s,
    );
    expect($(el, 'header h1')!.classList.contains('ellipsis')).toBe(true);
    expect(text($(el, 'header h1'))).toBe(longName);
    expect(text($(el, '.services .v'))).toContain('社保参保登记（含线上预约、材料预审及证照邮寄服务）');
    expect(text($(el, 'main .ticket'))).toBe('AB1234');
    expect($(el, 'main.current')!.getAttribute('style')).toContain('--chars: 6');
  });

  it('offline keeps the last state with a mark', async () => {
    const el = await mount(windowView({ current: called }), { offline: true, offlineSince: NOW - 60_000 });
    expect($(el, 'hq-offline-mark')).not.toBeNull();
    expect(text($(el, 'main .ticket'))).toBe('A007');
  });

  it('a screen whose window is gone says so instead of waiting forever', async () => {
    const el = document.createElement('hq-window-screen-view');
    Object.assign(el, { model: null, unbound: true, now: NOW });
    document.body.append(el);
    await el.updateComplete;
    expect(text($(el, '[role=alert]'))).toBe('本屏绑定的窗口已不存在，请联系大厅管理员重新设置。');
  });

  it('in English', async () => {
    await setLocale('en');
    const el = await mount(windowView({ current: called, status: 'open' }), {}, 'en');
    expect(text($(el, '.badge'))).toBe('1 Window');
    expect(text($(el, '.status'))).toBe('Open');
    expect(text($(el, 'main .label'))).toBe('Please come to this window');
    expect(text($(el, '.services'))).toBe('Services Social insurance registration · Social security card · Medical insurance claims');
    expect(text($(el, 'header .domain'))).toBe('Comprehensive window · Social security');
    expect(text($(el, '.clerk'))).toBe('李敏 Staff no. ZW0101');
  });
});

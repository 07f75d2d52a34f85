// @vitest-environment happy-dom
/**
 * The rating pad's screen in its states (happy-dom): idle with the clerk on duty (photo or a
 * placeholder) or nobody; asking with five choices, where 不满意 / 非常不满意 cannot be sent
 * without a reason and "其他" not without text; nothing chosen by default; thank-you.
 */
import { afterEach, describe, expect, it } from 'vitest';
import '../../counter/pad/pad-view.js';
import type { PadRating, PadView } from '../../counter/pad/pad-view.js';
import { NOW, padState, ratingRequest } from './fixtures.js';

afterEach(() => document.body.replaceChildren());

async function mount(props: Partial<PadView> = {}): Promise<{ el: PadView; sent: PadRating[] }> {
  const el = document.createElement('hq-pad-view');
  Object.assign(el, { state: padState(), now: NOW }, props);
  const sent: PadRating[] = [];
  el.addEventListener('pad-rate', (e) => sent.push((e as CustomEvent<PadRating>).detail));
  document.body.append(el);
  await el.updateComplete;
  return { el, sent };
}

const $ = <T extends Element = HTMLElement>(el: PadView, selector: string) => el.shadowRoot!.querySelector<T & HTMLElement>(selector);
const level = (el: PadView, n: number) => $<HTMLButtonElement>(el, `button.level[data-level="${n}"]`)!;
const chip = (el: PadView, reason: string) => $<HTMLButtonElement>(el, `button.chip[data-reason="${reason}"]`)!;
const send = (el: PadView) => $<HTMLButtonElement>(el, 'button.send')!;
const text = (el: PadView, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim();
async function click(el: PadView, button: HTMLElement) {
  button.click();
  await el.updateComplete;
}

describe('<hq-pad-view>', () => {
  it('idle: window, the clerk on duty with staff number and a placeholder photo, an invitation to rate', async () => {
    const { el } = await mount();
    expect(text(el, 'header .window')).toBe('1号窗口');
    expect(text(el, '.clerk h1')).toBe('李敏');
    expect(text(el, '.clerk .staff')).toBe('工号 ZW0101');
    expect(text(el, '.photo.placeholder')).toBe('李');
    expect(text(el, '.invite')).toContain('请在这里为我的服务评价');
    expect(el.shadowRoot!.querySelectorAll('.invite .faces svg')).toHaveLength(5);
    expect($(el, 'button.level')).toBeNull();
  });

  it('idle with a photo, and with nobody on duty', async () => {
    const { el } = await mount({ state: padState({ clerk: { id: 7, name: '李敏', staffNo: 'ZW0101', photoUrl: '/photos/7.jpg' } }) });
    expect($<HTMLImageElement>(el, 'img.photo')!.getAttribute('src')).toBe('/photos/7.jpg');
    el.state = padState({ clerk: null });
    await el.updateComplete;
    expect(text(el, '.nobody')).toBe('1号窗口 · 暂无工作人员');
  });

  it('asking: five choices, none chosen, the countdown, and who served; a good rating is sent as chosen', async () => {
    const { el, sent } = await mount({ phase: 'asking', request: ratingRequest() });
    expect([...el.shadowRoot!.querySelectorAll('button.level')].map((b) => b.textContent.trim())).toEqual([
      '非常满意',
      '满意',
      '基本满意',
      '不满意',
      '非常不满意',
    ]);
    expect([...el.shadowRoot!.querySelectorAll('button.level')].map((b) => b.getAttribute('aria-checked'))).toEqual([
      'false',
      'false',
      'false',
      'false',
      'false',
    ]);
    expect(text(el, '.countdown')).toBe('剩余 45 秒');
    expect(text(el, '.served')).toBe('A007 · 社保参保登记 · 服务人员 李敏（ZW0101）');
    expect(send(el).disabled).toBe(true);
    expect(text(el, '.hint')).toBe('请点选一项评价');

    await click(el, level(el, 4));
    expect(level(el, 4).getAttribute('aria-checked')).toBe('true');
    expect($(el, '.reasons')).toBeNull();
    expect(send(el).disabled).toBe(false);
    await click(el, send(el));
    expect(sent).toEqual([{ ticketId: 21, level: 4, reasons: [], comment: '' }]);
  });

  it('不满意 needs a reason: the send button stays disabled until one is chosen', async () => {
    const { el, sent } = await mount({ phase: 'asking', request: ratingRequest() });
    await click(el, level(el, 2));
    expect(text(el, '.reasons h2')).toBe('请选择不满意的原因（可多选）');
    expect([...el.shadowRoot!.querySelectorAll('button.chip')].map((b) => b.textContent.trim())).toEqual([
      '服务态度差',
      '办理效率低',
      '一次性告知不到位',
      '材料要求不清',
      '其他',
    ]);
    expect(send(el).disabled).toBe(true);
    expect(text(el, '.hint')).toBe('请至少选择一项不满意的原因');
    send(el).click();
    expect(sent).toEqual([]);

    await click(el, chip(el, '办理效率低'));
    await click(el, chip(el, '服务态度差'));
    await click(el, chip(el, '办理效率低')); // unchosen again
    expect(send(el).disabled).toBe(false);
    await click(el, send(el));
    expect(sent).toEqual([{ ticketId: 21, level: 2, reasons: ['服务态度差'], comment: '' }]);
  });

  it('非常不满意 with "其他" needs its text', async () => {
    const { el, sent } = await mount({ phase: 'asking', request: ratingRequest() });
    await click(el, level(el, 1));
    await click(el, chip(el, '其他'));
    const area = $<HTMLTextAreaElement>(el, 'textarea')!;
    expect(send(el).disabled).toBe(true);
    expect(text(el, '.hint')).toBe('请写下您的具体意见');
    area.value = '  窗口长时间无人  ';
    area.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(send(el).disabled).toBe(false);
    await click(el, send(el));
    expect(sent).toEqual([{ ticketId: 21, level: 1, reasons: ['其他'], comment: '窗口长时间无人' }]);
  });

  it('changing to a good rating drops the reasons; a new request starts with nothing chosen', async () => {
    const { el, sent } = await mount({ phase: 'asking', request: ratingRequest() });
    await click(el, level(el, 2));
    await click(el, chip(el, '材料要求不清'));
    await click(el, level(el, 5));
    expect($(el, '.reasons')).toBeNull();
    await click(el, send(el));
    expect(sent).toEqual([{ ticketId: 21, level: 5, reasons: [], comment: '' }]);

    el.request = ratingRequest({ ticketId: 22, number: 'A008' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button.level[aria-checked="true"]')).toBeNull();
    expect(send(el).disabled).toBe(true);
  });

  it('while sending nothing can be sent twice; a refusal is shown', async () => {
    const { el, sent } = await mount({ phase: 'asking', request: ratingRequest() });
    await click(el, level(el, 5));
    el.sending = true;
    await el.updateComplete;
    expect(send(el).disabled).toBe(true);
    expect(text(el, 'button.send')).toBe('正在提交…');
    send(el).click();
    el.sending = false;
    el.error = '评价时间已过，本次未记录评价。';
    await el.updateComplete;
    expect(text(el, '.hint')).toBe('评价时间已过，本次未记录评价。');
    expect(sent).toEqual([]);
  });

  it('thank-you, with a promise to follow up after a 差评', async () => {
    const { el } = await mount({ phase: 'thanks', thanked: 5 });
    expect(text(el, '.thanks h1')).toBe('感谢您的评价！');
    expect(text(el, '.thanks p')).toBe('祝您生活愉快，欢迎再来。');
    el.thanked = 1;
    await el.updateComplete;
    expect(text(el, '.thanks p')).toContain('规定时间内整改答复');
  });
});

// @vitest-environment happy-dom
/**
 * The ticket page's states (happy-dom), including those the browser tests do not reach: serving,
 * held, missed after the re-queue time, cancelled, rating expired or already given on the pad;
 * cancelling asks first; the rating form sends nothing incomplete.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PhoneTicketView } from '../../common/phone.js';
import '../../display/phone/rating-form.js';
import type { PhoneRating } from '../../display/phone/rating-form.js';
import '../../display/phone/ticket/ticket-view.js';
import type { TicketView } from '../../display/phone/ticket/ticket-view.js';
import { NOW, ticket } from '../counter/fixtures.js';

afterEach(() => document.body.replaceChildren());

const MIN = 60_000;
function phoneView(patch: Partial<PhoneTicketView> = {}, ticketPatch: Parameters<typeof ticket>[2] = {}): PhoneTicketView {
  const base: PhoneTicketView = {
    now: NOW,
    status: {
      hall: { id: 1, name: '示范县政务服务中心', timezone: 'Asia/Shanghai' },
      ticket: ticket(21, 'A012', ticketPatch),
      serviceName: '社保参保登记',
      serviceNameEn: 'Social insurance registration',
      ahead: 4,
      estimate: { minutes: 20, low: 14, high: 26 },
      window: null,
      requeueUntil: null,
    },
    hallCode: 'demo',
    cancellable: true,
    passedBy: [],
    rating: { state: 'not_finished', until: null, level: null, channel: null, reasons: ['服务态度差', '办理效率低'] },
    lastWindow: null,
    noShowGraceMinutes: 30,
    booking: null,
    phoneTaking: true,
  };
  const view = { ...base, ...patch };
  return { ...view, status: { ...view.status, ticket: ticket(21, 'A012', ticketPatch) } };
}

async function mount(view: PhoneTicketView, props: Partial<TicketView> = {}) {
  const el = document.createElement('hq-ticket-view');
  Object.assign(el, { view, now: NOW, live: true, loadedAt: NOW }, props);
  const events: string[] = [];
  for (const name of ['ticket-cancel', 'ticket-rate', 'alerts-enable']) el.addEventListener(name, () => events.push(name));
  document.body.append(el);
  await el.updateComplete;
  return { el, events };
}
const text = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
const all = (el: Element) => el.shadowRoot!.textContent.replace(/\s+/g, ' ');

describe('<hq-ticket-view>', () => {
  it('waiting: people ahead, the range, live, and why later numbers went first in plain words', async () => {
    const { el } = await mount(
      phoneView({
        passedBy: [
          { number: 'A015', reason: 'priority', at: NOW - 2 * MIN },
          { number: 'A016', reason: 'transfer', at: NOW - MIN },
        ],
      }),
    );
    expect(text(el, '[data-testid="ahead"]')).toBe('4人');
    expect(text(el, '[data-testid="estimate"]')).toBe('约 14–26 分钟');
    expect(text(el, '.live')).toBe('实时更新 · 10:00');
    const passed = text(el, '[data-testid="passed-by"]')!;
    expect(passed).toContain('A015 绿色通道');
    expect(passed).toContain('老年人、残疾人、军人、孕妇等群众优先办理。');
    expect(passed).toContain('从其他事项或窗口转来，保留原来的排队时间。');
    expect(passed).not.toMatch(/elderly|老年人A015/);
  });

  it.each([
    [{ minutes: 1, low: 0, high: 2 }, '2 分钟内'],
    [{ minutes: 0, low: 0, high: 0 }, '马上就到'],
    [{ minutes: 5, low: 5, high: 5 }, '约 5 分钟'],
  ])('the estimate %j reads %s, never "约 0–N"', async (estimate, expected) => {
    const base = phoneView();
    const { el } = await mount({ ...base, status: { ...base.status, ahead: 1, estimate } });
    expect(text(el, '[data-testid="estimate"]')).toBe(expected);
  });

  it('offline: says the view may be stale', async () => {
    const { el } = await mount(phoneView(), { live: false });
    expect(text(el, '.live')).toBe('网络重连中，显示的可能不是最新状态');
  });

  it('cancelling asks first, then tells the app', async () => {
    const { el, events } = await mount(phoneView());
    (el.shadowRoot!.querySelector('[data-testid="cancel"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(events).toEqual([]);
    expect(text(el, '.confirm p')).toContain('确定取消吗');
    (el.shadowRoot!.querySelector('[data-testid="confirm-cancel"]') as HTMLButtonElement).click();
    expect(events).toEqual(['ticket-cancel']);
  });

  it('serving and held say where', async () => {
    const w = { id: 3, number: '3', name: '社保综合窗口' };
    const serving = await mount(phoneView({ status: { ...phoneView().status, window: w } }, { status: 'serving', windowId: 3 }));
    expect(text(serving.el, '.state .big')).toBe('3 号窗口 · 社保综合窗口');
    document.body.replaceChildren();
    const held = await mount(phoneView({ status: { ...phoneView().status, window: w } }, { status: 'held', windowId: 3 }));
    expect(text(held.el, '.state .title')).toBe('业务挂起中');
    expect(text(held.el, '.state .big')).toBe('请补齐材料后回到 3 号窗口，工作人员会为您回呼。');
  });

  it('missed past the re-queue time: take a new number', async () => {
    const view = phoneView({ status: { ...phoneView().status, requeueUntil: NOW - MIN }, cancellable: true }, { status: 'no_show' });
    const { el } = await mount(view);
    expect(text(el, '.state .big')).toBe('已超过重新排队的时限，请重新取号。');
    expect(el.shadowRoot!.querySelector('.state a.btn')!.getAttribute('href')).toBe('/h/demo');
    expect(el.shadowRoot!.querySelector('[data-testid="cancel"]')).toBeNull();
  });

  it('cancelled: a new number, where the hall takes them by phone', async () => {
    const { el } = await mount(phoneView({ cancellable: false }, { status: 'cancelled' }));
    expect(text(el, '.state .title')).toBe('号票已取消');
    expect(el.shadowRoot!.querySelector('.state a.btn')).not.toBeNull();
    document.body.replaceChildren();
    const off = await mount(phoneView({ cancellable: false, phoneTaking: false }, { status: 'cancelled' }));
    expect(off.el.shadowRoot!.querySelector('.state a.btn')).toBeNull();
  });

  it('done: invitation with the deadline; rated on the pad; expired', async () => {
    const done = { status: 'done' as const, finishedAt: NOW - MIN };
    const open = await mount(phoneView({ rating: { ...phoneView().rating, state: 'open', until: NOW + 7 * 24 * 60 * MIN } }, done));
    expect(text(open.el, '[data-testid="invite"]')).toContain('可在 11月30日 周一 10:00 前评价');
    (open.el.shadowRoot!.querySelector('[data-testid="invite"] button[data-level="4"]') as HTMLButtonElement).click();
    expect(open.events).toEqual(['ticket-rate']);
    document.body.replaceChildren();
    const rated = await mount(phoneView({ rating: { ...phoneView().rating, state: 'rated', level: 5, channel: 'pad' } }, done));
    expect(text(rated.el, '.rated')).toBe('您已评价：非常满意。感谢您的评价！');
    expect(rated.el.shadowRoot!.querySelector('[data-testid="invite"]')).toBeNull();
    document.body.replaceChildren();
    const expired = await mount(phoneView({ rating: { ...phoneView().rating, state: 'expired', until: NOW - MIN } }, done));
    expect(all(expired.el)).toContain('评价期限已过。');
  });
});

describe('<hq-rating-form>', () => {
  it('sends nothing until a 差评 has a reason, and 其他 its text', async () => {
    const el = document.createElement('hq-rating-form');
    el.reasons = ['服务态度差', '办理效率低'];
    const sent: PhoneRating[] = [];
    el.addEventListener('rating-submit', (e) => sent.push((e as CustomEvent<PhoneRating>).detail));
    document.body.append(el);
    await el.updateComplete;
    const q = <T extends HTMLElement>(s: string) => el.shadowRoot!.querySelector<T>(s)!;
    const click = async (s: string) => {
      q<HTMLButtonElement>(s).click();
      await el.updateComplete;
    };
    expect(q<HTMLButtonElement>('button.send').disabled).toBe(true);
    expect(el.shadowRoot!.querySelectorAll('[aria-checked="true"]')).toHaveLength(0);
    await click('button.level[data-level="1"]');
    expect(q<HTMLButtonElement>('button.send').disabled).toBe(true);
    expect(text(el, '.hint')).toBe('请至少选择一项不满意的原因');
    await click('button.chip[data-reason="其他"]');
    expect(text(el, '.hint')).toBe('请写下您的具体意见');
    const area = q<HTMLTextAreaElement>('textarea');
    area.value = '窗口无人';
    area.dispatchEvent(new Event('input'));
    await el.updateComplete;
    await click('button.send');
    expect(sent).toEqual([{ level: 1, reasons: ['其他'], comment: '窗口无人' }]);
    // A good rating sends no reasons, even after some were picked.
    await click('button.level[data-level="4"]');
    await click('button.send');
    expect(sent[1]).toEqual({ level: 4, reasons: [], comment: '' });
  });
});

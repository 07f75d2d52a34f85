// @vitest-environment happy-dom
/**
 * The clerk console's screen in its states (happy-dom): idle with a queue, a called ticket with
 * its history, offline, busy, a failure to retry, the dialogs; and its keyboard shortcuts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import '../../counter/clerk/desk-view.js';
import type { DeskView } from '../../counter/clerk/desk-view.js';
import type { DeskCommand } from '../../counter/clerk/actions.js';
import { calledTicket, detail, NOW, otherWindows, services, ticket, windowView, zones } from './fixtures.js';

afterEach(() => document.body.replaceChildren());

async function mount(props: Partial<DeskView> = {}): Promise<{ el: DeskView; commands: DeskCommand[]; events: string[] }> {
  const el = document.createElement('hq-desk-view');
  Object.assign(
    el,
    {
      detail: detail(),
      services,
      zones,
      windows: [windowView(), ...otherWindows],
      now: NOW,
      live: true,
      user: { displayName: '李敏', staffNo: 'ZW0101' },
    },
    props,
  );
  const commands: DeskCommand[] = [];
  const events: string[] = [];
  el.addEventListener('desk-command', (e) => commands.push((e as CustomEvent<DeskCommand>).detail));
  for (const name of ['desk-retry', 'desk-dismiss', 'desk-sign-out', 'desk-logout', 'desk-language'])
    el.addEventListener(name, () => events.push(name));
  document.body.append(el);
  await rendered(el);
  return { el, commands, events };
}

/** Waits for the view and its parts to render. */
async function rendered(el: DeskView): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    for (const child of el.shadowRoot!.querySelectorAll('*')) await (child as Partial<DeskView>).updateComplete;
  }
}

const root = (el: DeskView) => el.shadowRoot!;
const button = (el: DeskView, id: string) => root(el).querySelector<HTMLButtonElement>(`button[data-action="${id}"]`)!;
const enabled = (el: DeskView) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button[data-action]')].filter((b) => !b.disabled).map((b) => b.dataset.action);
const part = <T extends Element>(el: DeskView, tag: string) => root(el).querySelector(tag) as T & { shadowRoot: ShadowRoot };
const press = (key: string, init: KeyboardEventInit = {}) =>
  window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));

describe('<hq-desk-view>', () => {
  it('idle and open: call next and 选呼 are possible, every button shows its key, the queue is in call order', async () => {
    const { el } = await mount();
    expect(root(el).querySelector('header h1')!.textContent).toBe('1号窗口');
    expect(root(el).querySelector('.pill')!.textContent.trim()).toBe('服务中');
    expect(enabled(el)).toEqual(['call-next', 'select-call', 'pause-toggle', 'open-toggle']);
    expect(button(el, 'call-next').querySelector('span')!.textContent).toBe('叫号');
    expect(button(el, 'call-next').querySelector('kbd')!.textContent).toBe('Space');
    expect(button(el, 'finish').querySelector('kbd')!.textContent).toBe('F');
    expect(button(el, 'open-toggle').textContent).toContain('结束服务');
    const current = part(el, 'hq-current-ticket');
    expect(current.shadowRoot.textContent).toContain('当前没有号票');
    expect(current.shadowRoot.textContent).toContain('本窗口可叫 3 人');
    const lists = part(el, 'hq-ticket-lists');
    const rows = [...lists.shadowRoot.querySelectorAll('ol.waiting li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(rows[0]).toMatch(/^C001 医疗保险报销 老年人 5 分钟/);
    expect(rows[1]).toMatch(/^A001 社保参保登记 18 分钟/);
    expect(rows[2]).toContain('转本窗口');
    expect(root(el).querySelector('.today')!.textContent.replace(/\s+/g, '')).toContain('今日叫号14已办结11过号2转出1平均办理7.5分钟');
  });

  it('a called ticket: number, service, waited time, time since the call, recall count and where it came from', async () => {
    const { el } = await mount({ detail: detail({}, { current: calledTicket }) });
    const current = part(el, 'hq-current-ticket').shadowRoot;
    expect(current.querySelector('.number')!.textContent).toBe('A007');
    expect(current.querySelector('.service')!.textContent).toBe('已叫号社保参保登记');
    expect(current.querySelector('.times')!.textContent.replace(/\s+/g, '')).toBe('等候12分钟叫号后2:00');
    expect(current.querySelector('.history')!.textContent.replace(/\s+/g, '')).toBe(
      '转移已重呼1次由社会保障卡办理（4号窗口）转来：需补社保卡',
    );
    // 办结 and 转移 once the visitor is being served: the server refuses them for a called ticket.
    expect(enabled(el)).toEqual(['recall', 'start', 'no-show', 'pause-toggle']);
  });

  it('a ticket being served shows for how long, and can be held', async () => {
    const serving = { ...calledTicket, status: 'serving' as const, servingAt: NOW - 65_000 };
    const { el } = await mount({ detail: detail({}, { current: serving }) });
    expect(part(el, 'hq-current-ticket').shadowRoot.querySelector('.served')!.textContent).toBe('1:05');
    expect(enabled(el)).toEqual(['finish', 'hold', 'transfer', 'pause-toggle']);
  });

  it('keyboard: Space and N call next, letters act on the current ticket; modifiers, repeats and typing do nothing', async () => {
    const idle = await mount();
    press(' ');
    press('N');
    press(' ', { ctrlKey: true });
    press(' ', { repeat: true });
    expect(idle.commands).toEqual([{ kind: 'call-next' }, { kind: 'call-next' }]);
    const input = document.createElement('input');
    document.body.append(input);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
    expect(idle.commands).toHaveLength(2);
    document.body.replaceChildren();

    const called = await mount({ detail: detail({}, { current: calledTicket }) });
    for (const key of ['r', 's', 'f', 't', 'm', ' ']) press(key);
    expect(called.commands).toEqual([
      { kind: 'recall', ticketId: 21 },
      { kind: 'start', ticketId: 21 },
      { kind: 'no-show', ticketId: 21 },
    ]);
  });

  it('clicking a button sends the same command as its key', async () => {
    const { el, commands } = await mount({ detail: detail({}, { current: calledTicket }) });
    button(el, 'recall').click();
    button(el, 'call-next').click(); // disabled: nothing
    expect(commands).toEqual([{ kind: 'recall', ticketId: 21 }]);
  });

  it('offline: a banner says so and every action is disabled, by click and by key', async () => {
    const { el, commands } = await mount({ offline: true, live: false });
    expect(root(el).querySelector('.banner.offline')!.textContent).toContain('连接已断开');
    expect(enabled(el)).toEqual([]);
    press(' ');
    button(el, 'call-next').click();
    expect(commands).toEqual([]);
  });

  it('while a command runs every action waits, and the running one is marked busy', async () => {
    const { el, commands } = await mount({ busy: 'call-next' });
    expect(enabled(el)).toEqual([]);
    expect(button(el, 'call-next').getAttribute('aria-busy')).toBe('true');
    press(' ');
    expect(commands).toEqual([]);
  });

  const note = (el: DeskView) => root(el).querySelector('.banner.note')?.textContent.replace(/\s+/g, '') ?? null;

  it('a key pressed while a command runs waits, marked, and runs on the window as the command left it', async () => {
    // Space was pressed: the call runs. S now starts the ticket the call brings, once it is shown.
    const { el, commands } = await mount({ busy: 'call-next' });
    press('s');
    await rendered(el);
    expect(commands).toEqual([]);
    expect(note(el)).toBe('已记下开始办理（S），当前操作完成后执行。×');
    expect(button(el, 'start').classList.contains('waiting')).toBe(true);
    el.detail = detail({}, { current: calledTicket });
    el.busy = null;
    await rendered(el);
    expect(commands).toEqual([{ kind: 'start', ticketId: 21 }]);
    expect(note(el)).toBeNull();
    expect(button(el, 'start').classList.contains('waiting')).toBe(false);
  });

  it('the command failed: the waiting key is dropped and the clerk reads why', async () => {
    const { el, commands } = await mount({ busy: 'call-next' });
    press('s');
    el.failure = { message: '没有可叫的号。', retry: false };
    el.busy = null;
    await rendered(el);
    expect(commands).toEqual([]);
    expect(note(el)).toBe('开始办理（S）未执行：上一个操作没有成功。×');
    root(el).querySelector<HTMLButtonElement>('.banner.note button')!.click();
    await rendered(el);
    expect(note(el)).toBeNull();
  });

  it('Space during a running call adds nothing; Space Space during 办结 calls once after it', async () => {
    const calling = await mount({ busy: 'call-next' });
    press(' ');
    press(' ');
    calling.el.busy = null; // the window is free again (the call found a ticket that then left): still no second call
    await rendered(calling.el);
    expect(calling.commands).toEqual([]);
    expect(note(calling.el)).toBeNull();
    document.body.replaceChildren();

    const serving = { ...calledTicket, status: 'serving' as const, servingAt: NOW - 65_000 };
    const finishing = await mount({ detail: detail({}, { current: serving }), busy: 'finish' });
    press(' ');
    press(' ');
    finishing.el.detail = detail();
    finishing.el.busy = null;
    await rendered(finishing.el);
    expect(finishing.commands).toEqual([{ kind: 'call-next' }]);
  });

  it('a second key while one waits is refused; a waiting key that no longer applies is dropped; each says so', async () => {
    const { el, commands } = await mount({ busy: 'call-next' });
    press('s');
    press('m');
    await rendered(el);
    expect(note(el)).toBe('过号（M）未执行：已有开始办理（S）在等待当前操作完成。×');
    el.busy = null; // the call succeeded but nobody is at the window: S has nothing to start
    await rendered(el);
    expect(commands).toEqual([]);
    expect(note(el)).toBe('开始办理（S）未执行：上一个操作完成后，此操作已不适用。×');
  });

  it('a key the window does not allow now says so, until the next action', async () => {
    const { el, commands } = await mount();
    press('f');
    await rendered(el);
    expect(note(el)).toBe('办结（F）此时不可用。×');
    press(' ');
    await rendered(el);
    expect(commands).toEqual([{ kind: 'call-next' }]);
    expect(note(el)).toBeNull();
  });

  it('a failure shows the server’s message; an unknown outcome offers a retry', async () => {
    const { el, events } = await mount({ failure: { message: '当前号票 A001 尚未办结，请先办结、过号或挂起。', retry: true } });
    const banner = root(el).querySelector('.banner.error')!;
    expect(banner.textContent).toContain('A001 尚未办结');
    const [retry, dismiss] = [...banner.querySelectorAll('button')];
    retry!.click();
    dismiss!.click();
    expect(events).toEqual(['desk-retry', 'desk-dismiss']);
  });

  it('held and missed lists: 回呼 (or B) resumes, 重排 re-queues', async () => {
    const held = ticket(31, 'B004', { status: 'held', windowId: 1, heldAt: NOW - 180_000 });
    const missed = ticket(32, 'A002', { status: 'no_show', windowId: 1, noShowAt: NOW - 600_000 });
    const { el, commands } = await mount({ detail: detail({ held: [held], missed: [missed] }) });
    const lists = part(el, 'hq-ticket-lists').shadowRoot;
    expect(lists.querySelector('ol.held li')!.textContent.replace(/\s+/g, ' ')).toContain('B004 社会保障卡办理 3 分钟');
    expect(lists.querySelector('ol.missed li')!.textContent.replace(/\s+/g, ' ')).toContain('剩 20 分钟');
    lists.querySelector<HTMLButtonElement>('ol.held button')!.click();
    lists.querySelector<HTMLButtonElement>('ol.missed button')!.click();
    press('b');
    expect(commands).toEqual([
      { kind: 'resume', ticketId: 31 },
      { kind: 'requeue', ticketId: 32 },
      { kind: 'resume', ticketId: 31 },
    ]);
  });

  it('T opens the transfer dialog: a target is required; it sends the transfer with the note; Esc closes', async () => {
    const serving = { ...calledTicket, status: 'serving' as const, servingAt: NOW - 65_000 };
    const { el, commands } = await mount({ detail: detail({}, { current: serving }) });
    press('t');
    await rendered(el);
    const dialog = part(el, 'hq-transfer-dialog').shadowRoot;
    expect(dialog.querySelector('h2')!.textContent).toBe('转移 A007');
    const form = dialog.querySelector('form')!;
    form.requestSubmit();
    await rendered(el);
    expect(dialog.querySelector('.hint')!.textContent).toBe('请选择要转到的事项。');
    // Choosing a window: this window is not offered.
    dialog.querySelectorAll<HTMLButtonElement>('.chip')[1]!.click();
    await rendered(el);
    const options = [...dialog.querySelectorAll('select option')].map((o) => o.textContent.trim());
    expect(options).toEqual(['请选择窗口', '2号窗口 · 社保综合窗口（未开始服务）', '4号窗口 · 不动产综合窗口（服务中）']);
    dialog.querySelector('select')!.value = '4';
    dialog.querySelector('textarea')!.value = '  需到不动产窗口  ';
    form.requestSubmit();
    await rendered(el);
    expect(commands).toEqual([{ kind: 'transfer', ticketId: 21, toWindowId: 4, note: '需到不动产窗口' }]);
    expect(root(el).querySelector('hq-transfer-dialog')).toBeNull();

    press('t');
    await rendered(el);
    expect(root(el).querySelector('hq-transfer-dialog')).not.toBeNull();
    press('f'); // shortcuts are off while a dialog is open
    press('Escape');
    await rendered(el);
    expect(root(el).querySelector('hq-transfer-dialog')).toBeNull();
    expect(commands).toHaveLength(1);
  });

  it('P asks for a reason (1 = 午休); on a paused window P resumes and O closes', async () => {
    const { el, commands } = await mount();
    press('p');
    await rendered(el);
    const dialog = part(el, 'hq-pause-dialog');
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true, composed: true }));
    await rendered(el);
    expect(commands).toEqual([{ kind: 'pause', reason: '午休' }]);

    el.detail = detail({}, { status: 'paused', pauseReason: '午休' });
    await rendered(el);
    expect(root(el).querySelector('.pill')!.textContent.trim()).toBe('暂停服务 · 午休');
    expect(button(el, 'pause-toggle').textContent).toContain('恢复服务');
    expect(button(el, 'call-next').disabled).toBe(true);
    press('p');
    press('o');
    expect(commands.slice(1)).toEqual([{ kind: 'open' }, { kind: 'close' }]);
  });

  it('选呼 needs a number and a reason; a waiting row opens it with its number', async () => {
    const { el, commands } = await mount();
    const row = part(el, 'hq-ticket-lists').shadowRoot.querySelectorAll<HTMLElement>('ol.waiting li')[1]!;
    row.click();
    await rendered(el);
    const dialog = part(el, 'hq-call-dialog').shadowRoot;
    expect(dialog.querySelector<HTMLInputElement>('input[name=number]')!.value).toBe('A001');
    dialog.querySelector('form')!.requestSubmit();
    await rendered(el);
    expect(dialog.querySelector('.hint')!.textContent).toBe('选呼必须填写原因。');
    dialog.querySelector<HTMLButtonElement>('.chip')!.click();
    await rendered(el);
    dialog.querySelector('form')!.requestSubmit();
    expect(commands).toEqual([{ kind: 'call', number: 'A001', reason: '绿色通道' }]);
  });

  it('the pad line says the pad is asking and whether an answer came, never which', async () => {
    const { el } = await mount({ pad: { state: 'asking', ticketId: 21, number: 'A007', deadline: NOW + 42_000 } });
    const current = part(el, 'hq-current-ticket').shadowRoot;
    expect(current.querySelector('.pad')!.textContent.replace(/\s+/g, '')).toBe('评价器：请A007号群众评价（剩余42秒）');
    el.pad = { state: 'rated', ticketId: 21, number: 'A007' };
    await rendered(el);
    expect(current.querySelector('.pad')!.textContent.replace(/\s+/g, '')).toBe('评价器：A007已评价');
  });

  it('header buttons: leave the window, sign out, switch language', async () => {
    const { el, events } = await mount();
    const buttons = [...root(el).querySelectorAll<HTMLButtonElement>('header button')];
    expect(buttons.map((b) => b.textContent.trim())).toEqual(['English', '签退', '退出登录']);
    for (const b of buttons) b.click();
    expect(events).toEqual(['desk-language', 'desk-sign-out', 'desk-logout']);
  });
});

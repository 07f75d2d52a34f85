/**
 * A manager's actions on one window, shared by the live hall and the reassignment view: open,
 * pause (with a reason), close; put a clerk on it or take them off; set the backup (AB角) and
 * let the backup take over. Each goes through the window's API command and is in the audit log.
 */
import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { UserConfig } from '../../common/manager-protocol.js';
import type { WindowView } from '../../common/protocol.js';
import type { ApiClient } from '../../common/ui/api.js';
import { PAUSE_REASONS } from '../clerk/actions.js';
import { act } from './act.js';
import type { Dialogs } from './dialogs.js';
import type { HallStore } from './hall-store.js';

/** People who can be put on a window: enabled clerks and managers of the hall, those allowed on it first. */
export function staffOptions(users: UserConfig[], windowId: number, currentId: number | null): { value: string; label: string }[] {
  const placeable = users.filter((u) => !u.disabled && (u.role === 'clerk' || u.role === 'manager') && u.hallId !== null);
  const allowed = (u: UserConfig) => u.role !== 'clerk' || u.windowIds.includes(windowId);
  return placeable
    .sort((a, b) => Number(allowed(b)) - Number(allowed(a)) || a.displayName.localeCompare(b.displayName, 'zh-CN'))
    .map((u) => ({
      value: String(u.id),
      label: `${u.displayName}${u.staffNo ? `（${u.staffNo}）` : ''}${u.id === currentId ? ` · ${msg('当前')}` : ''}${allowed(u) ? '' : ` · ${msg('未授权此窗口')}`}`,
    }));
}

export function windowActions(
  host: HTMLElement,
  w: WindowView,
  api: ApiClient,
  dialogs: Dialogs,
  store: HallStore,
  after: () => void,
): TemplateResult {
  const status = (body: Record<string, unknown>, done: string) =>
    act(host, () => api.post(`/api/windows/${w.id}/status`, body), done).then((ok) => ok && after());
  const users = async () => {
    if (!store.config) await store.loadConfig();
    return store.config?.users ?? [];
  };
  const pause = () =>
    dialogs.open({
      heading: msg(str`暂停 ${w.number} 号窗口`),
      sub: msg('大厅屏幕和窗口屏会显示暂停及原因；已在等候的群众由其他窗口继续办理。'),
      fields: [
        {
          name: 'preset',
          label: msg('原因'),
          kind: 'select',
          options: [...PAUSE_REASONS.map((r) => ({ value: r.value, label: r.label() })), { value: '', label: msg('其他（在右侧填写）') }],
        },
        { name: 'other', label: msg('其他原因'), kind: 'text', maxLength: 100, placeholder: msg('例如：系统故障') },
      ],
      values: { preset: PAUSE_REASONS[0]!.value, other: '' },
      confirm: msg('暂停'),
      done: msg(str`${w.number} 号窗口已暂停`),
      submit: async (v) => {
        await api.post(`/api/windows/${w.id}/status`, { status: 'paused', reason: String(v.other || v.preset || '').trim() });
        after();
      },
    });
  const place = async (backup: boolean) => {
    const list = await users();
    const current = backup ? (w.backupClerk?.id ?? null) : (w.clerk?.id ?? null);
    dialogs.open({
      heading: backup ? msg(str`设置 ${w.number} 号窗口的AB角`) : msg(str`安排人员到 ${w.number} 号窗口`),
      sub: backup
        ? msg('AB角是主岗不在时顶岗的人员：可以签到此窗口，也可以由您一键安排顶岗。')
        : msg('此人如在其他窗口，将从那个窗口移过来（那个窗口会关闭）；替换时本窗口保持当前状态。'),
      fields: [
        {
          name: 'userId',
          label: msg('人员'),
          kind: 'select',
          options: [{ value: '', label: backup ? msg('不设AB角') : msg('撤下人员（窗口关闭）') }, ...staffOptions(list, w.id, current)],
        },
        { name: 'reason', label: msg('原因（记入审计日志）'), kind: 'text', required: true, maxLength: 200 },
      ],
      values: { userId: current ? String(current) : '', reason: '' },
      confirm: msg('确定'),
      done: backup ? msg('AB角已设置') : msg('人员已安排'),
      submit: async (v) => {
        const id = v.userId ? Number(v.userId) : null;
        await api.post(
          `/api/windows/${w.id}/${backup ? 'backup' : 'clerk'}`,
          backup ? { backupClerkId: id, reason: v.reason } : { clerkId: id, reason: v.reason },
        );
        after();
      },
    });
  };
  const takeover = () =>
    act(
      host,
      () => api.post(`/api/windows/${w.id}/clerk`, { clerkId: w.backupClerk!.id, reason: msg('AB角顶岗') }),
      msg(str`${w.backupClerk!.name} 已顶岗`),
    ).then((ok) => ok && after());
  return html`<div class="toolbar" role="toolbar" aria-label=${msg('窗口操作')}>
    ${
      w.status !== 'open'
        ? html`<button class="btn ok" data-act="open" ?disabled=${!w.clerk} title=${w.clerk ? '' : msg('先安排人员')} @click=${() => status({ status: 'open' }, msg(str`${w.number} 号窗口开始服务`))}>${msg('开始服务')}</button>`
        : html`<button class="btn warn" data-act="pause" @click=${pause}>${msg('暂停')}</button>`
    }
    ${w.status !== 'closed' ? html`<button class="btn" data-act="close" @click=${() => status({ status: 'closed' }, msg(str`${w.number} 号窗口已结束服务`))}>${msg('结束服务')}</button>` : ''}
    <button class="btn" data-act="place" @click=${() => void place(false)}>${w.clerk ? msg('更换人员…') : msg('安排人员…')}</button>
    <button class="btn" data-act="backup" @click=${() => void place(true)}>${msg('设置AB角…')}</button>
    ${w.backupClerk && w.backupClerk.id !== w.clerk?.id ? html`<button class="btn" data-act="takeover" @click=${takeover}>${msg(str`由AB角 ${w.backupClerk.name} 顶岗`)}</button>` : ''}
  </div>`;
}

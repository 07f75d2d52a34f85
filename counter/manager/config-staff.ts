/**
 * Staff accounts (人员账号): create, change, choose the windows a clerk may staff, disable (their
 * screens sign out at once), reset a password. Hall managers manage clerks; administrators every
 * account. Rendered inside `<hq-config-view>`.
 */
import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { UserConfig } from '../../common/manager-protocol.js';
import { ROLES, type Role } from '../../common/vocabulary.js';
import { act } from './act.js';
import type { ConfigContext } from './config-catalog.js';
import type { FieldSpec, FormValue, FormValues } from './form-dialog.js';
import { roleLabel } from './labels.js';

const text = (v: FormValue | undefined) => String(v ?? '').trim();

function roleOptions(ctx: ConfigContext) {
  const admin = ctx.user?.role === 'admin';
  return ROLES.filter((r) => admin || r === 'clerk').map((r) => ({ value: r, label: roleLabel(r) }));
}

function windowChecks(ctx: ConfigContext): FieldSpec {
  return {
    name: 'windowIds',
    label: msg('可值守的窗口'),
    kind: 'checks',
    options: ctx.config.windows.filter((w) => w.enabled).map((w) => ({ value: String(w.id), label: msg(str`${w.number}号 ${w.name}`) })),
    hint: msg('窗口人员只能登录勾选的窗口（或担任AB角的窗口）。'),
  };
}

const passwordHint = () => msg('至少 8 位，同时包含字母和数字；请当面告知本人并提醒修改。');

function editUser(ctx: ConfigContext, u: UserConfig | null) {
  const h = ctx.config.hall.id;
  const fields: FieldSpec[] = [
    ...(u
      ? []
      : [
          {
            name: 'username',
            label: msg('登录名'),
            kind: 'text',
            required: true,
            maxLength: 32,
            hint: msg('3–32 位字母、数字或 _ . -'),
          } as FieldSpec,
        ]),
    { name: 'displayName', label: msg('姓名'), kind: 'text', required: true, maxLength: 30 },
    { name: 'staffNo', label: msg('工号'), kind: 'text', maxLength: 20 },
    { name: 'role', label: msg('角色'), kind: 'select', options: roleOptions(ctx) },
    ...(u
      ? []
      : [
          { name: 'password', label: msg('初始密码'), kind: 'password', required: true, maxLength: 128, hint: passwordHint() } as FieldSpec,
        ]),
    windowChecks(ctx),
    { name: 'reason', label: msg('原因（记入审计日志）'), kind: 'text', maxLength: 200, wide: true },
  ];
  const body = (v: FormValues) => ({
    ...(u ? {} : { username: text(v.username), password: String(v.password ?? '') }),
    displayName: text(v.displayName),
    staffNo: text(v.staffNo),
    role: v.role as Role,
    windowIds: (Array.isArray(v.windowIds) ? v.windowIds : []).map(Number),
    reason: text(v.reason) || undefined,
  });
  ctx.dialogs.open({
    heading: u ? msg(str`修改账号：${u.displayName}`) : msg('新增人员账号'),
    fields,
    values: u
      ? { displayName: u.displayName, staffNo: u.staffNo, role: u.role, windowIds: u.windowIds.map(String), reason: '' }
      : { username: '', displayName: '', staffNo: '', role: 'clerk', password: '', windowIds: [], reason: '' },
    confirm: u ? msg('保存') : msg('新增'),
    done: u ? msg('账号已保存') : msg('账号已新增'),
    submit: async (v) => {
      await (u ? ctx.api.put(`/api/halls/${h}/users/${u.id}`, body(v)) : ctx.api.post(`/api/halls/${h}/users`, body(v)));
      await ctx.reload();
    },
  });
}

function resetPassword(ctx: ConfigContext, u: UserConfig) {
  ctx.dialogs.open({
    heading: msg(str`重置 ${u.displayName} 的密码`),
    sub: msg('重置后此人已登录的屏幕会退出，账号锁定也会解除。'),
    fields: [
      { name: 'password', label: msg('新密码'), kind: 'password', required: true, maxLength: 128, hint: passwordHint() },
      { name: 'reason', label: msg('原因（记入审计日志）'), kind: 'text', maxLength: 200 },
    ],
    confirm: msg('重置密码'),
    done: msg('密码已重置'),
    submit: (v) =>
      ctx.api.post(`/api/halls/${ctx.config.hall.id}/users/${u.id}/password`, {
        password: String(v.password),
        reason: text(v.reason) || undefined,
      }),
  });
}

export function renderStaff(ctx: ConfigContext): TemplateResult {
  const { config } = ctx;
  const windowNumbers = (ids: number[]) =>
    config.windows
      .filter((w) => ids.includes(w.id))
      .map((w) => w.number)
      .join('、');
  const mayManage = (u: UserConfig) => ctx.user?.role === 'admin' || u.role === 'clerk';
  const onWindow = (u: UserConfig) => config.windows.find((w) => w.clerkId === u.id);
  return html`<div class="toolbar">
      <span class="muted">${ctx.user?.role === 'admin' ? msg('系统管理员可管理所有账号。') : msg('大厅管理员可管理窗口人员账号；管理员账号由系统管理员管理。')}</span>
      <span class="spacer"></span>
      <button class="btn primary" @click=${() => editUser(ctx, null)}>${msg('新增人员')}</button>
    </div>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>${msg('姓名')}</th>
            <th>${msg('登录名')}</th>
            <th>${msg('角色')}</th>
            <th>${msg('可值守窗口')}</th>
            <th>${msg('当前')}</th>
            <th>${msg('状态')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${config.users.map((u) => {
            const at = onWindow(u);
            const locked = u.lockedUntil !== null && u.lockedUntil > Date.now();
            return html`<tr data-user=${u.username}>
              <td>${u.displayName}${u.staffNo ? html`<br /><span class="muted">${u.staffNo}</span>` : ''}</td>
              <td class="num">${u.username}</td>
              <td>${roleLabel(u.role)}</td>
              <td class="muted">${u.role === 'clerk' ? windowNumbers(u.windowIds) || msg('无') : msg('全部')}</td>
              <td>${at ? msg(str`${at.number}号窗口`) : '—'}</td>
              <td>
                ${u.disabled ? html`<span class="pill">${msg('已停用')}</span>` : locked ? html`<span class="pill warn">${msg('已锁定')}</span>` : html`<span class="pill ok">${msg('正常')}</span>`}
              </td>
              <td class="n">
                ${
                  mayManage(u)
                    ? html`<button class="btn small" @click=${() => editUser(ctx, u)}>${msg('修改')}</button>
                      <button class="btn small" @click=${() => resetPassword(ctx, u)}>${msg('重置密码')}</button>
                      ${
                        u.id === ctx.user?.id
                          ? ''
                          : html`<button
                            class="btn small ${u.disabled ? '' : 'danger'}"
                            @click=${() =>
                              act(
                                ctx.host,
                                async () => {
                                  await ctx.api.put(`/api/halls/${config.hall.id}/users/${u.id}`, { disabled: !u.disabled });
                                  await ctx.reload();
                                },
                                u.disabled ? msg(str`已启用 ${u.displayName}`) : msg(str`已停用 ${u.displayName}，其登录已退出`),
                              )}
                          >
                            ${u.disabled ? msg('启用') : msg('停用')}
                          </button>`
                      }`
                    : html`<span class="muted">${msg('由系统管理员管理')}</span>`
                }
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
}

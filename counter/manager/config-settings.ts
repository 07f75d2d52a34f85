import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConfigView } from '../../common/manager-protocol.js';
import { errorMessage, type ApiClient } from '../../common/ui/api.js';
import { getLocale } from '../../common/ui/i18n.js';
// Pure calendar rules, the same the server decides by.
import { addDays, isWorkingDay, serviceDay, weekdayOf } from '../../common/domain/calendar.js';
import { toast } from './act.js';
import { fieldTemplate, type FieldSpec, type FormValue, type FormValues } from './form-dialog.js';
import { WEEKDAYS, weekdayName } from './labels.js';
import { viewStyles } from './styles.js';

type Page = 'voice' | 'fairness' | 'rating' | 'calendar' | 'alerts';
/** A form on a settings page: a settings section, or the hall's name and hours. */
type Section = 'voice' | 'fairness' | 'rating' | 'calendar' | 'alerts' | 'issuing' | 'appointment' | 'profile';

/**
 * The settings pages: voice (语音播报), fairness (叫号规则), rating (评价设置), the working-day
 * calendar (工作日历: open weekdays, holidays, 调休 working days) and the alert thresholds with
 * the issuing rules and the hall's hours. Each section saves on its own, checked whole by the
 * server, with an optional reason for the audit log.
 */
@localized()
@customElement('hq-config-settings')
export class ConfigSettings extends LitElement {
  @property({ attribute: false }) config!: ConfigView;
  @property({ attribute: false }) api!: ApiClient;
  @property() page: Page = 'voice';
  @property({ attribute: false }) reload: () => Promise<void> = async () => {};

  @state() private drafts: Partial<Record<Section, FormValues>> = {};
  @state() private errors: Partial<Record<Section, string>> = {};
  @state() private saving: Section | null = null;
  @state() private newDate: { nonWorkingDays: string; extraWorkingDays: string } = { nonWorkingDays: '', extraWorkingDays: '' };

  static override styles = [
    ...viewStyles,
    css`
      .sections {
        display: grid;
        gap: 16px;
        max-width: 980px;
      }
      .card p.sub {
        margin: -4px 0 12px;
        color: var(--hq-text-dim);
      }
      .save {
        display: flex;
        gap: 10px;
        align-items: center;
        margin-top: 14px;
      }
      .save input {
        flex: 1;
      }
      .dates {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        margin: 8px 0;
        min-height: 34px;
      }
      .date-chip {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        padding: 4px 6px 4px 12px;
        border-radius: 999px;
        background: var(--hq-bg-sunken);
        font-family: var(--hq-number-font);
        font-size: 14px;
      }
      .date-chip button {
        border: none;
        background: none;
        font-size: 16px;
        line-height: 1;
        padding: 2px 6px;
        color: var(--hq-text-dim);
      }
      .add {
        display: flex;
        gap: 8px;
        align-items: center;
      }
      .two {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 18px;
      }
      .strip {
        display: grid;
        grid-template-columns: repeat(14, minmax(0, 1fr));
        gap: 4px;
        margin-top: 10px;
      }
      .day {
        padding: 6px 2px;
        border-radius: 6px;
        text-align: center;
        font-size: 12px;
        background: color-mix(in srgb, var(--hq-ok) 12%, #fff);
        color: var(--hq-ok);
      }
      .day.off {
        background: var(--hq-bg-sunken);
        color: var(--hq-text-dim);
      }
      .day b {
        display: block;
        font-size: 14px;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Fresh values after a reload, unless the manager is typing in that section.
    if (changed.has('config')) {
      const kept: Partial<Record<Section, FormValues>> = {};
      for (const [k, v] of Object.entries(this.drafts)) if (this.dirty(k as Section, v)) kept[k as Section] = v;
      this.drafts = kept;
    }
  }

  private saved(section: Section): FormValues {
    if (section === 'profile') return { name: this.config.hall.name, openingHours: this.config.hall.openingHours };
    const values = { ...(this.config.settings[section] ?? {}) } as FormValues;
    if (section === 'rating') values.badReasons = ((values.badReasons as string[] | undefined) ?? []).join('\n');
    if (section === 'calendar') values.openWeekdays = ((values.openWeekdays as number[] | undefined) ?? []).map(String);
    return values;
  }

  private values(section: Section): FormValues {
    return { ...this.saved(section), ...this.drafts[section] };
  }

  private dirty(section: Section, draft = this.drafts[section]): boolean {
    if (!draft) return false;
    const saved = this.saved(section);
    return Object.entries(draft).some(([k, v]) => k !== 'reason' && JSON.stringify(v) !== JSON.stringify(saved[k]));
  }

  private set(section: Section, name: string, value: FormValue) {
    this.drafts = { ...this.drafts, [section]: { ...this.values(section), ...this.drafts[section], [name]: value } };
  }

  override render() {
    switch (this.page) {
      case 'voice':
        return this.sections([
          this.section(
            'voice',
            msg('语音播报'),
            msg('综合屏叫号时说的话；{number} 是号码，{window} 是窗口号，{windowName} 是窗口名称，{service} 是事项。'),
            voiceFields(),
          ),
        ]);
      case 'fairness':
        return this.sections([
          this.section(
            'fairness',
            msg('叫号规则'),
            msg('优先号（绿色通道、预约）先叫，但不能让普通号一直等；等候过久的号自动提前。'),
            fairnessFields(),
          ),
        ]);
      case 'rating':
        return this.sections([
          this.section(
            'rating',
            msg('评价设置'),
            msg('群众选“不满意”或“非常不满意”时须选原因，“其他”始终可选并需填写意见；每个差评生成整改案件。'),
            ratingFields(),
          ),
        ]);
      case 'calendar':
        return this.sections([this.renderCalendar()]);
      case 'alerts':
        return this.sections([
          this.section('alerts', msg('提醒阈值'), msg('实时大厅按这些阈值提醒；统计中的“超时等候”也按等候目标计算。'), alertFields()),
          this.section('issuing', msg('取号规则'), msg('取号机和手机取号时适用。'), issuingFields()),
          this.section(
            'appointment',
            msg('预约规则'),
            msg('手机预约、签到和爽约的规则；各事项的预约时段在“预约与扫码”中设置。'),
            appointmentFields(),
          ),
          this.section('profile', msg('大厅信息'), msg('大厅名称显示在各屏幕上；办理时间是事项未单独设置时的取号时间。'), profileFields()),
        ]);
    }
  }

  private sections(parts: TemplateResult[]) {
    return html`<div class="sections">${parts}</div>`;
  }

  private section(section: Section, title: string, sub: string, fields: FieldSpec[], extra: TemplateResult | typeof nothing = nothing) {
    const v = this.values(section);
    return html`<form class="card" data-section=${section} novalidate @submit=${(e: Event) => (e.preventDefault(), void this.save(section))}>
      <header><h2>${title}</h2></header>
      <p class="sub">${sub}</p>
      <div class="form-grid">${fields.map((f) => fieldTemplate(f, v[f.name], (value) => this.set(section, f.name, value)))}</div>
      ${extra}
      <p class="error-line" role="alert">${this.errors[section] ?? ''}</p>
      <div class="save">
        <input aria-label=${msg('修改原因')} placeholder=${msg('修改原因（记入审计日志）')} maxlength="200" .value=${String(this.drafts[section]?.reason ?? '')} @input=${(e: Event) => this.set(section, 'reason', (e.target as HTMLInputElement).value)} />
        <button type="button" class="btn" ?disabled=${!this.dirty(section)} @click=${() => (this.drafts = { ...this.drafts, [section]: undefined })}>${msg('还原')}</button>
        <button class="btn primary" ?disabled=${!this.dirty(section) || this.saving === section}>${this.saving === section ? msg('正在保存…') : msg('保存')}</button>
      </div>
    </form>`;
  }

  private renderCalendar() {
    const v = this.values('calendar');
    const calendar = {
      openWeekdays: (v.openWeekdays as string[]).map(Number),
      nonWorkingDays: (v.nonWorkingDays as string[]) ?? [],
      extraWorkingDays: (v.extraWorkingDays as string[]) ?? [],
    };
    const today = serviceDay(Date.now(), this.config.hall.timezone);
    const list = (name: 'nonWorkingDays' | 'extraWorkingDays', label: string, hint: string) => html`<div>
      <h3>${label}</h3>
      <p class="hint-line">${hint}</p>
      <div class="dates" data-list=${name}>
        ${calendar[name].length === 0 ? html`<span class="muted">${msg('无')}</span>` : nothing}
        ${calendar[name].map(
          (d) => html`<span class="date-chip"
            >${d} ${weekdayName(weekdayOf(d))}<button
              type="button"
              aria-label=${msg(str`删除 ${d}`)}
              @click=${() =>
                this.set(
                  'calendar',
                  name,
                  calendar[name].filter((x) => x !== d),
                )}
            >
              ×
            </button></span
          >`,
        )}
      </div>
      <div class="add">
        <input type="date" aria-label=${label} .value=${this.newDate[name]} @input=${(e: Event) => (this.newDate = { ...this.newDate, [name]: (e.target as HTMLInputElement).value })} />
        <button
          type="button"
          class="btn small"
          data-add=${name}
          ?disabled=${!this.newDate[name]}
          @click=${() => {
            const d = this.newDate[name];
            if (d && !calendar[name].includes(d)) this.set('calendar', name, [...calendar[name], d].sort());
            this.newDate = { ...this.newDate, [name]: '' };
          }}
        >
          ${msg('添加')}
        </button>
      </div>
    </div>`;
    const strip = Array.from({ length: 14 }, (_, i) => addDays(today, i));
    const extra = html`<div class="two" style="margin-top:14px">
        ${list('nonWorkingDays', msg('休息日（节假日）'), msg('这些日期不取号；差评整改期限不计这些日期。'))}
        ${list('extraWorkingDays', msg('调休上班日'), msg('周末中需要上班的日期：开放取号，计入整改期限。'))}
      </div>
      <h3 style="margin-top:14px">${msg('今后两周')}</h3>
      <div class="strip" aria-label=${msg('今后两周的工作日')}>
        ${strip.map((d) => {
          const open = isWorkingDay(d, calendar);
          return html`<span class="day ${open ? '' : 'off'}" title=${open ? msg('开放') : msg('休息')}><b>${d.slice(8)}</b>${weekdayName(weekdayOf(d))}</span>`;
        })}
      </div>`;
    const weekdays: FieldSpec = {
      name: 'openWeekdays',
      label: msg('每周开放'),
      kind: 'checks',
      options: WEEKDAYS.map((d) => ({ value: String(d), label: weekdayName(d) })),
    };
    return this.section(
      'calendar',
      msg('工作日历'),
      msg('大厅在哪些日子开放取号；差评整改期限按法定工作日计算（周一至周五，去掉休息日，加上调休上班日）。'),
      [weekdays],
      extra,
    );
  }

  private async save(section: Section) {
    const { reason, ...fields } = this.values(section);
    const why = String(reason ?? '').trim() || undefined;
    // What is sent: the fields, some turned into the types the server takes.
    const values: Record<string, unknown> = fields;
    this.saving = section;
    this.errors = { ...this.errors, [section]: '' };
    try {
      if (section === 'profile') {
        await this.api.put(`/api/halls/${this.config.hall.id}/profile`, {
          name: values.name,
          openingHours: values.openingHours,
          reason: why,
        });
      } else {
        if (section === 'rating')
          values.badReasons = String(fields.badReasons ?? '')
            .split(/\n|、|，|,/)
            .map((r) => r.trim())
            .filter(Boolean);
        if (section === 'calendar') values.openWeekdays = (values.openWeekdays as string[]).map(Number);
        if (section === 'issuing')
          values.phoneMaxAhead = values.phoneMaxAhead === '' || values.phoneMaxAhead === undefined ? null : values.phoneMaxAhead;
        await this.api.put(`/api/halls/${this.config.hall.id}/settings/${section}`, { values, reason: why });
      }
      this.drafts = { ...this.drafts, [section]: undefined };
      toast(this, msg('已保存，并已通知各屏幕'));
      await this.reload();
    } catch (err) {
      this.errors = { ...this.errors, [section]: errorMessage(err, getLocale()) };
    } finally {
      this.saving = null;
    }
  }
}

const voiceFields = (): FieldSpec[] => [
  { name: 'templateZh', label: msg('中文播报'), kind: 'text', maxLength: 80, wide: true },
  { name: 'templateEn', label: msg('英文播报'), kind: 'text', maxLength: 80, wide: true },
  {
    name: 'language',
    label: msg('播报语言'),
    kind: 'select',
    options: [
      { value: 'zh-CN', label: msg('中文') },
      { value: 'en', label: msg('英文') },
    ],
  },
  {
    name: 'numberReading',
    label: msg('号码读法'),
    kind: 'select',
    options: [
      { value: 'digits', label: msg('逐位读（A 零 一 二）') },
      { value: 'number', label: msg('整数读（A 十二）') },
    ],
  },
  { name: 'rate', label: msg('语速（0.5–2）'), kind: 'number', min: 0.5, max: 2, step: 0.1 },
  { name: 'repeat', label: msg('每次叫号播报次数'), kind: 'number', min: 1, max: 3 },
  { name: 'chime', label: msg('叫号前播放提示音'), kind: 'checkbox' },
];

const fairnessFields = (): FieldSpec[] => [
  {
    name: 'priorityStreakLimit',
    label: msg('连续优先呼叫上限'),
    kind: 'number',
    min: 1,
    max: 10,
    hint: msg('一个窗口连续叫几个优先号后，必须叫一个普通号'),
  },
  {
    name: 'boostAfterMinutes',
    label: msg('等候提级（分钟）'),
    kind: 'number',
    min: 5,
    max: 240,
    hint: msg('普通号等候超过此时间，与优先号同等对待'),
  },
  {
    name: 'noShowGraceMinutes',
    label: msg('过号重排时限（分钟）'),
    kind: 'number',
    min: 0,
    max: 240,
    hint: msg('过号后在此时间内可到窗口申请重新排队'),
  },
  {
    name: 'requeuePosition',
    label: msg('过号重排位置'),
    kind: 'select',
    options: [
      { value: 'end', label: msg('排到队尾') },
      { value: 'original', label: msg('回到原位置') },
    ],
  },
];

const ratingFields = (): FieldSpec[] => [
  {
    name: 'badReasons',
    label: msg('差评原因（每行一项）'),
    kind: 'textarea',
    rows: 7,
    maxLength: 400,
    hint: msg('1 到 12 项，每项不超过 20 个字；“其他”由评价器自动提供'),
  },
  {
    name: 'padTimeoutSeconds',
    label: msg('评价器等待时间（秒）'),
    kind: 'number',
    min: 10,
    max: 600,
    hint: msg('超时记为“未评价”，不会替群众默认好评'),
  },
  { name: 'caseDeadlineWorkingDays', label: msg('差评整改期限（工作日）'), kind: 'number', min: 1, max: 30 },
  { name: 'laterRatingDays', label: msg('补评期限（天）'), kind: 'number', min: 0, max: 30, hint: msg('办结后群众仍可用手机评价的天数') },
];

const alertFields = (): FieldSpec[] => [
  { name: 'waitTargetMinutes', label: msg('等候目标（分钟）'), kind: 'number', min: 5, max: 240 },
  { name: 'pauseAlertMinutes', label: msg('窗口暂停提醒（分钟）'), kind: 'number', min: 5, max: 240 },
  { name: 'deviceOfflineSeconds', label: msg('设备离线判定（秒）'), kind: 'number', min: 30, max: 3600 },
];

const issuingFields = (): FieldSpec[] => [
  { name: 'allowWhenNoWindowOpen', label: msg('没有开放窗口时仍可取号'), kind: 'checkbox', wide: true },
  { name: 'selfDeclaredPriority', label: msg('群众可在取号机上自行选择绿色通道'), kind: 'checkbox', wide: true },
  { name: 'staffIgnoresHours', label: msg('工作人员可在办理时间外取号'), kind: 'checkbox', wide: true },
  { name: 'phoneTaking', label: msg('允许扫码手机取号'), kind: 'checkbox', wide: true },
  { name: 'phoneMaxAhead', label: msg('手机取号时等候人数上限'), kind: 'number', min: 1, max: 9999, placeholder: msg('不限') },
  { name: 'phoneOnlyInHours', label: msg('手机只在办理时间内取号'), kind: 'checkbox', wide: true },
  { name: 'notifyAhead', label: msg('前面还剩几人时提醒（0 为不提醒）'), kind: 'number', min: 0, max: 20 },
  { name: 'ticketNotice', label: msg('号票底部提示语'), kind: 'text', maxLength: 60, wide: true },
];

const appointmentFields = (): FieldSpec[] => [
  { name: 'enabled', label: msg('开放预约'), kind: 'checkbox', wide: true },
  { name: 'maxDaysAhead', label: msg('可提前预约的工作日数'), kind: 'number', min: 1, max: 60 },
  { name: 'cancelBeforeMinutes', label: msg('开始前多少分钟截止取消'), kind: 'number', min: 0, max: 1440 },
  { name: 'checkInEarlyMinutes', label: msg('最早提前多少分钟签到'), kind: 'number', min: 0, max: 240 },
  { name: 'checkInLateMinutes', label: msg('最晚开始后多少分钟签到'), kind: 'number', min: 0, max: 240 },
  { name: 'noShowLimit', label: msg('30 天内爽约几次暂停预约（0 为不限）'), kind: 'number', min: 0, max: 20 },
  { name: 'blockDays', label: msg('暂停预约天数'), kind: 'number', min: 1, max: 365 },
  { name: 'reminderMinutes', label: msg('开始前多少分钟提醒（0 为不提醒）'), kind: 'number', min: 0, max: 2880 },
];

const profileFields = (): FieldSpec[] => [
  { name: 'name', label: msg('大厅名称'), kind: 'text', maxLength: 40 },
  { name: 'openingHours', label: msg('办理时间'), kind: 'text', maxLength: 100, hint: msg('如 08:30-12:00,13:30-17:30') },
];

declare global {
  interface HTMLElementTagNameMap {
    'hq-config-settings': ConfigSettings;
  }
}

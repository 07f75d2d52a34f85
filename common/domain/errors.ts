/**
 * Every error a person can cause, with a message they can act on in Chinese and English.
 * Routes and the domain throw these; the error plugin turns them into
 * `{ statusCode, code, message, messageEn, details? }` responses.
 */
export class DomainError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(messageEn);
    this.name = 'DomainError';
  }
}

const e = (statusCode: number, code: string, zh: string, en: string) => (details?: Record<string, unknown>) =>
  new DomainError(statusCode, code, zh, en, details);

export const errors = {
  // 400: the request itself is wrong
  invalidInput: (zh: string, en: string, details?: Record<string, unknown>) => new DomainError(400, 'invalid_input', zh, en, details),
  reasonRequired: e(400, 'reason_required', '此操作需要填写原因。', 'This action needs a reason.'),

  // 401 / 403: who you are and what you may do
  unauthenticated: e(401, 'unauthenticated', '请先登录。', 'Please sign in first.'),
  badCredentials: e(401, 'bad_credentials', '用户名或密码错误。', 'Wrong user name or password.'),
  /** In minutes from now, not a clock time: the server's clock time means nothing to a clerk in another timezone. */
  accountLocked: (retryAfterSeconds: number) => {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    return new DomainError(
      429,
      'account_locked',
      `登录失败次数过多，账号已暂时锁定，请 ${minutes} 分钟后再试。`,
      `Too many failed sign-ins; the account is locked for now. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      { retryAfterSeconds },
    );
  },
  sessionExpired: e(401, 'session_expired', '登录已过期，请重新登录。', 'Your session has expired; please sign in again.'),
  csrf: e(
    403,
    'csrf',
    '请求缺少有效的安全令牌，请刷新页面后重试。',
    'The request lacks a valid security token; reload the page and try again.',
  ),
  forbidden: e(403, 'forbidden', '您没有执行此操作的权限。', 'You are not allowed to do this.'),
  wrongHall: e(403, 'wrong_hall', '无权操作其他大厅的数据。', 'This belongs to another hall.'),
  notYourWindow: e(
    403,
    'not_your_window',
    '您未登录到此窗口，只能操作自己登录的窗口。',
    'You are not signed in to this window; you can only act on your own window.',
  ),
  windowNotPermitted: e(
    403,
    'window_not_permitted',
    '您没有被授权在此窗口工作，请联系大厅管理员。',
    'You are not assigned to this window; ask the hall manager.',
  ),
  deviceUnknown: e(
    401,
    'device_unknown',
    '设备未配对或令牌无效，请重新配对。',
    'This device is not paired or its token is invalid; pair it again.',
  ),
  devicePending: e(403, 'device_pending', '设备等待管理员批准配对。', 'This device is waiting for a manager to approve its pairing.'),
  deviceRevoked: e(
    403,
    'device_revoked',
    '此设备已被管理员停用，请联系大厅管理员。',
    'This device was revoked by a manager; contact the hall manager.',
  ),
  wrongDeviceKind: e(403, 'wrong_device_kind', '此类设备不能执行此操作。', 'This kind of device cannot do this.'),

  // 404
  notFound: (what: string, whatEn: string) => new DomainError(404, 'not_found', `${what}不存在。`, `${whatEn} not found.`),
  routeNotFound: e(404, 'route_not_found', '请求的接口不存在。', 'No such endpoint.'),

  // 409: the request is fine but the state does not allow it
  illegalTransition: (status: string, action: string) =>
    new DomainError(
      409,
      'illegal_transition',
      `号票当前状态（${statusZh(status)}）不能执行“${actionZh(action)}”。`,
      `This ticket is ${statusEn(status)} and cannot be ${actionEn(action)} now.`,
      { status, action },
    ),
  windowBusy: (number: string) =>
    new DomainError(
      409,
      'window_busy',
      `当前号票 ${number} 尚未办结，请先办结、过号或挂起。`,
      `Ticket ${number} is still open at this window; finish, mark no-show or hold it first.`,
      { number },
    ),
  windowIdle: e(409, 'window_idle', '窗口当前没有号票。', 'This window has no current ticket.'),
  windowNotOpen: (status: string) =>
    new DomainError(
      409,
      'window_not_open',
      `窗口${status === 'paused' ? '已暂停服务' : '已关闭'}，请先开始服务。`,
      `The window is ${status}; open it first.`,
      { status },
    ),
  windowTaken: (name: string) =>
    new DomainError(409, 'window_taken', `此窗口已由 ${name} 登录。`, `${name} is already signed in to this window.`, { name }),
  heldTicketsRemain: (count: number) =>
    new DomainError(
      409,
      'held_tickets_remain',
      `本窗口还有 ${count} 张挂起的号票，请先回呼或转移后再关闭窗口。`,
      `${count} held ticket(s) remain at this window; resume or transfer them before closing.`,
      { count },
    ),
  pauseClosedWindow: e(
    409,
    'window_closed',
    '窗口未开放，不能暂停；请先开放窗口，或保持关闭。',
    'The window is closed, so it cannot be paused; open it first, or leave it closed.',
  ),
  noClerkOnWindow: e(
    409,
    'no_clerk_on_window',
    '此窗口没有工作人员登录，不能开始服务。',
    'No clerk is signed in to this window, so it cannot open.',
  ),
  signedInElsewhere: (number: string) =>
    new DomainError(
      409,
      'signed_in_elsewhere',
      `您已登录 ${number} 号窗口，请先在该窗口签退。`,
      `You are signed in to window ${number}; sign out there first.`,
      { number },
    ),
  queueEmpty: e(409, 'queue_empty', '本窗口可办理的事项暂无等候号票。', 'No ticket is waiting for the services this window serves.'),
  ticketNotHere: e(409, 'ticket_not_here', '该号票不属于本窗口。', 'That ticket does not belong to this window.'),
  ticketChanged: e(409, 'ticket_changed', '号票状态已变化，请刷新后重试。', 'The ticket changed meanwhile; refresh and try again.'),
  serviceNotServed: e(409, 'service_not_served', '本窗口不办理该事项。', 'This window does not serve that service.'),
  graceExpired: (until: string) =>
    new DomainError(
      409,
      'grace_expired',
      `已超过过号重排时限（${until}），请重新取号。`,
      `The re-queue grace ended at ${until}; take a new number.`,
      { until },
    ),
  quotaReached: (quota: number) =>
    new DomainError(
      409,
      'quota_reached',
      `今日号源已满（${quota} 个），请明天再来或预约办理。`,
      `Today's quota of ${quota} tickets is used up; come back tomorrow or book an appointment.`,
      { quota },
    ),
  outsideHours: (hours: string) =>
    new DomainError(409, 'outside_hours', `当前不在办理时间内（${hours}）。`, `Outside opening hours (${hours}).`, { hours }),
  notWorkingDay: e(409, 'not_working_day', '今天不是工作日，大厅不办理业务。', 'Today is not a working day; the hall is closed.'),
  noOpenWindow: e(
    409,
    'no_open_window',
    '当前没有开放的窗口办理此事项，请稍后再来。',
    'No open window serves this service right now; please come back later.',
  ),
  serviceDisabled: e(409, 'service_disabled', '该事项暂停取号。', 'This service is not taking numbers right now.'),

  // 好差评: ratings (docs/design.md, invariant 6)
  ratingLevelInvalid: e(
    400,
    'rating_level_invalid',
    '评价等级应为 1（非常不满意）到 5（非常满意）。',
    'A rating level is 1 (very dissatisfied) to 5 (very satisfied).',
  ),
  ratingReasonRequired: e(
    400,
    'rating_reason_required',
    '选择“不满意”或“非常不满意”时，请至少选择一项原因。',
    'A dissatisfied rating needs at least one reason.',
  ),
  ratingReasonUnknown: (reason: string) =>
    new DomainError(
      400,
      'rating_reason_unknown',
      `“${reason}”不是本大厅设置的差评原因。`,
      `"${reason}" is not one of this hall's reasons for a bad rating.`,
      { reason },
    ),
  ratingReasonsForBadOnly: e(
    400,
    'rating_reasons_bad_only',
    '只有“不满意”和“非常不满意”需要选择原因。',
    'Reasons go only with a dissatisfied rating.',
  ),
  ratingCommentRequired: e(400, 'rating_comment_required', '选择“其他”时，请写明具体意见。', 'With "other", please write what went wrong.'),
  ratingAlreadyRated: e(
    409,
    'rating_already_rated',
    '该号票已经评价过，每张号票只能评价一次。',
    'This ticket has already been rated; each ticket is rated once.',
  ),
  ratingNotFinished: e(
    409,
    'rating_not_finished',
    '该号票尚未办结，办结后才能评价。',
    'This ticket is not finished yet; it can be rated once finished.',
  ),
  ratingNotPending: e(
    409,
    'rating_not_pending',
    '该号票当前不在等待评价（可能已超时），评价器不能评价。',
    'This ticket is not waiting for a rating here (it may have timed out).',
  ),
  ratingExpired: e(409, 'rating_expired', '评价时间已过，本次未记录评价。', 'The time to rate has passed; no rating was recorded.'),
  ratingWrongWindow: e(
    403,
    'rating_wrong_window',
    '该号票不是在本窗口办结的，本评价器不能评价。',
    'That ticket was not finished at this window, so this pad cannot rate it.',
  ),
  padNoWindow: e(
    409,
    'pad_no_window',
    '评价器尚未绑定窗口，请联系大厅管理员。',
    'This rating pad is not assigned to a window; ask the hall manager.',
  ),

  idempotencyMismatch: e(
    422,
    'idempotency_mismatch',
    '同一个幂等键被用于不同的请求。',
    'This idempotency key was already used for a different request.',
  ),
  conflict: (zh: string, en: string, details?: Record<string, unknown>) => new DomainError(409, 'conflict', zh, en, details),

  // 429 / 503
  rateLimited: e(429, 'rate_limited', '操作过于频繁，请稍后再试。', 'Too many requests; please wait a moment and try again.'),
  unavailable: e(
    503,
    'unavailable',
    '系统暂时无法保存数据，请稍后重试；号票未发出。',
    'The system cannot store data right now; please retry. Nothing was issued.',
  ),
};

const STATUS_ZH: Record<string, string> = {
  waiting: '等候中',
  called: '已叫号',
  serving: '办理中',
  held: '挂起',
  no_show: '过号',
  done: '已办结',
  cancelled: '已取消',
};
const ACTION_ZH: Record<string, string> = {
  call: '叫号',
  recall: '重呼',
  start: '开始办理',
  finish: '办结',
  no_show: '过号',
  requeue: '过号重排',
  hold: '挂起',
  resume: '回呼',
  transfer: '转移',
  cancel: '取消',
};
const STATUS_EN: Record<string, string> = { serving: 'being served', no_show: 'a no-show' };
const ACTION_EN: Record<string, string> = {
  call: 'called',
  recall: 'recalled',
  start: 'started',
  finish: 'finished',
  no_show: 'marked as a no-show',
  requeue: 're-queued',
  hold: 'held',
  resume: 'called back',
  transfer: 'transferred',
  cancel: 'cancelled',
};
export const statusZh = (s: string): string => STATUS_ZH[s] ?? s;
const actionZh = (a: string): string => ACTION_ZH[a] ?? a;
const statusEn = (s: string): string => STATUS_EN[s] ?? s;
const actionEn = (a: string): string => ACTION_EN[a] ?? a;

/**
 * The database schema (drizzle-orm, SQLite dialect). `npm run db:generate` turns changes here into
 * a numbered SQL migration in `migrations/`; the server applies pending migrations at start-up.
 *
 * Conventions: integer primary keys; times are integer milliseconds since the epoch (UTC);
 * service days and calendar dates are 'YYYY-MM-DD' text in the hall's timezone; structured
 * settings are JSON text with their TypeScript type named in `$type`.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type {
  AppealStatus,
  BookingStatus,
  CallReason,
  CaseFileSource,
  CaseStatus,
  DeviceKind,
  DeviceState,
  OutboxStatus,
  OutboxType,
  PriorityKind,
  RatingChannel,
  Role,
  TicketSource,
  TicketStatus,
  TransferStep,
  WindowMode,
  WindowStatus,
} from '../../../common/vocabulary.js';
import type { SettingsPatch } from '../../../common/domain/settings.js';

export const halls = sqliteTable('halls', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Short public code used in visitor URLs (hall QR page). */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull().default('Asia/Shanghai'),
  /** Default opening hours on working days, e.g. "08:30-12:00,13:30-17:30". */
  openingHours: text('opening_hours').notNull().default('08:30-12:00,13:30-17:30'),
  /** Scrolling notice on the hall boards, set by managers. */
  notice: text('notice').notNull().default(''),
  settings: text('settings', { mode: 'json' }).$type<SettingsPatch>().notNull().default({}),
  /** Last event sequence number handed out for this hall. */
  lastSeq: integer('last_seq').notNull().default(0),
  /** 行政区划代码 (12 digits), reported with every rating. */
  regionCode: text('region_code'),
  /** 统一社会信用代码 of the organisation that runs the hall, reported with every rating. */
  orgCode: text('org_code'),
  createdAt: integer('created_at').notNull(),
});

export const zones = sqliteTable(
  'zones',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id')
      .notNull()
      .references(() => halls.id),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    /** theme (主题服务区), professional (专业服务区) or special (特色窗口). */
    kind: text('kind').notNull().default('theme'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('zones_hall_name').on(t.hallId, t.name)],
);

export const services = sqliteTable(
  'services',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id')
      .notNull()
      .references(() => halls.id),
    zoneId: integer('zone_id').references(() => zones.id),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    /** Ticket prefix, one or two capital letters. Numbers are unique per hall, prefix and day. */
    prefix: text('prefix').notNull(),
    /** 号源: tickets that may be issued per service day; null means unlimited. */
    dailyQuota: integer('daily_quota'),
    /** Opening hours for this service; null means the hall's. */
    openingHours: text('opening_hours'),
    expectedMinutes: integer('expected_minutes').notNull().default(10),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('services_hall').on(t.hallId)],
);

export const windows = sqliteTable(
  'windows',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id')
      .notNull()
      .references(() => halls.id),
    zoneId: integer('zone_id').references(() => zones.id),
    /** The number shown and spoken: "3" in "请到3号窗口". */
    number: text('number').notNull(),
    name: text('name').notNull(),
    /** specialist: serves its listed services; zone: 分领域综合窗口; hall: 无差别综合窗口. */
    mode: text('mode').$type<WindowMode>().notNull().default('specialist'),
    status: text('status').$type<WindowStatus>().notNull().default('closed'),
    pauseReason: text('pause_reason'),
    statusChangedAt: integer('status_changed_at'),
    /** The clerk signed in to this window, if any. */
    clerkId: integer('clerk_id').references(() => users.id),
    /** AB角: the backup clerk who takes over when the main clerk is away. */
    backupClerkId: integer('backup_clerk_id').references(() => users.id),
    /** Consecutive priority calls, for the fairness limit. */
    priorityStreak: integer('priority_streak').notNull().default(0),
    /** Print an evaluation slip when a service finishes (windows without a pad). */
    printsRatingSlip: integer('prints_rating_slip', { mode: 'boolean' }).notNull().default(false),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [uniqueIndex('windows_hall_number').on(t.hallId, t.number)],
);

/** Which services a window serves, with its order (tier) and weight. */
export const windowServices = sqliteTable(
  'window_services',
  {
    windowId: integer('window_id')
      .notNull()
      .references(() => windows.id),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    /** Lower tiers are served first; a higher tier only when the lower ones are empty. */
    tier: integer('tier').notNull().default(1),
    /** Multiplies waiting time when comparing tickets of the same tier. */
    weight: integer('weight').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.windowId, t.serviceId] })],
);

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Null only for admins who work across halls. */
  hallId: integer('hall_id').references(() => halls.id),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  staffNo: text('staff_no').notNull().default(''),
  role: text('role').$type<Role>().notNull(),
  passwordHash: text('password_hash').notNull(),
  photoUrl: text('photo_url'),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: integer('locked_until'),
  createdAt: integer('created_at').notNull(),
});

/** Windows a clerk may staff. */
export const userWindows = sqliteTable(
  'user_windows',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    windowId: integer('window_id')
      .notNull()
      .references(() => windows.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.windowId] })],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** sha256 of the session cookie value; the cookie itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const devices = sqliteTable(
  'devices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id')
      .notNull()
      .references(() => halls.id),
    kind: text('kind').$type<DeviceKind>().notNull(),
    name: text('name').notNull().default(''),
    /** pending (shows a pairing code), active, or revoked. */
    status: text('status').$type<'pending' | 'active' | 'revoked'>().notNull().default('pending'),
    /** sha256 of the device token; null for network printers, which do not call in. */
    tokenHash: text('token_hash').unique(),
    pairingCode: text('pairing_code'),
    pairingExpiresAt: integer('pairing_expires_at'),
    windowId: integer('window_id').references(() => windows.id),
    zoneId: integer('zone_id').references(() => zones.id),
    /** A kiosk's ticket printer (a device of kind printer). */
    printerId: integer('printer_id'),
    /** Network printer address "host:port" (raw TCP, usually port 9100). */
    address: text('address'),
    settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    /** Last reported state: voice available, paper, online... */
    state: text('state', { mode: 'json' }).$type<DeviceState>().notNull().default({}),
    lastSeenAt: integer('last_seen_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('devices_hall').on(t.hallId), index('devices_pairing_code').on(t.pairingCode)],
);

export const tickets = sqliteTable(
  'tickets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id')
      .notNull()
      .references(() => halls.id),
    /** The hall-local date the ticket belongs to. */
    serviceDay: text('service_day').notNull(),
    prefix: text('prefix').notNull(),
    seq: integer('seq').notNull(),
    /** Display number, e.g. "A012". */
    number: text('number').notNull(),
    /** Unguessable code in the visitor's status URL; never broadcast. */
    publicCode: text('public_code').notNull().unique(),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    /** The service the ticket was issued for (quota is counted here). */
    originalServiceId: integer('original_service_id').notNull(),
    priority: text('priority').$type<PriorityKind>().notNull().default('normal'),
    source: text('source').$type<TicketSource>().notNull(),
    status: text('status').$type<TicketStatus>().notNull(),
    issuedAt: integer('issued_at').notNull(),
    /** Position time in the queue: the issue time, kept across transfers; reset on re-queue. */
    queuedAt: integer('queued_at').notNull(),
    /** A ticket transferred to one window waits for that window only. */
    targetWindowId: integer('target_window_id'),
    windowId: integer('window_id'),
    clerkId: integer('clerk_id'),
    calledAt: integer('called_at'),
    firstCalledAt: integer('first_called_at'),
    servingAt: integer('serving_at'),
    finishedAt: integer('finished_at'),
    noShowAt: integer('no_show_at'),
    heldAt: integer('held_at'),
    cancelledAt: integer('cancelled_at'),
    cancelReason: text('cancel_reason'),
    recallCount: integer('recall_count').notNull().default(0),
    /** Why the last call was out of order (priority, appointment, transfer, manager), or null. */
    callReason: text('call_reason').$type<CallReason>(),
    transfers: text('transfers', { mode: 'json' }).$type<TransferStep[]>().notNull().default([]),
    /** Phone number of an e-ticket or appointment (for limits and notifications). */
    phone: text('phone'),
    bookingId: integer('booking_id'),
    /** none, printed, failed (shown as e-ticket), or null when no printer was involved. */
    printStatus: text('print_status'),
    /** pending (pad waiting), rated, unrated (pad timed out), or null. */
    ratingStatus: text('rating_status'),
    ratingDeadline: integer('rating_deadline'),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    uniqueIndex('tickets_number').on(t.hallId, t.serviceDay, t.prefix, t.seq),
    index('tickets_queue').on(t.hallId, t.serviceDay, t.status),
    index('tickets_window').on(t.windowId, t.status),
    // Quota counts read only the index (status included to skip cancelled tickets).
    index('tickets_service_day').on(t.originalServiceId, t.serviceDay, t.status),
    // One service's queue: counts and "people ahead" read only this index, however long the queue.
    index('tickets_service_queue').on(t.serviceId, t.serviceDay, t.status, t.queuedAt, t.priority, t.targetWindowId, t.issuedAt),
  ],
);

/** Numbering counters: the last sequence per hall, service day and prefix. */
export const ticketCounters = sqliteTable(
  'ticket_counters',
  {
    hallId: integer('hall_id').notNull(),
    serviceDay: text('service_day').notNull(),
    prefix: text('prefix').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.serviceDay, t.prefix] })],
);

/** Every state change, with who, when and why. Doubles as the audit log. */
export const events = sqliteTable(
  'events',
  {
    hallId: integer('hall_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    at: integer('at').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull().default(''),
    ticketId: integer('ticket_id'),
    windowId: integer('window_id'),
    reason: text('reason'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.seq] }), index('events_ticket').on(t.ticketId), index('events_type').on(t.hallId, t.type)],
);

/** Results of mutating commands, so a retried command returns its first result. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: text('response').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_created').on(t.createdAt)],
);

export const ratings = sqliteTable(
  'ratings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id').notNull(),
    /** 一次一评: one rating per ticket. */
    ticketId: integer('ticket_id').notNull().unique(),
    serviceId: integer('service_id').notNull(),
    windowId: integer('window_id'),
    clerkId: integer('clerk_id'),
    /** 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意. */
    level: integer('level').notNull(),
    reasons: text('reasons', { mode: 'json' }).$type<string[]>().notNull().default([]),
    comment: text('comment').notNull().default(''),
    channel: text('channel').$type<RatingChannel>().notNull(),
    /** An approved appeal excludes the rating from statistics but keeps it on record. */
    excluded: integer('excluded', { mode: 'boolean' }).notNull().default(false),
    /** A phone number the visitor left for the 回访 of a 差评 (or the phone's own, for a phone rating). */
    contactPhone: text('contact_phone'),
    /** When the visitor agreed to be called back about it. */
    contactConsentAt: integer('contact_consent_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('ratings_hall_time').on(t.hallId, t.createdAt)],
);

/** 差评整改: one case per bad rating. */
export const ratingCases = sqliteTable(
  'rating_cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id').notNull(),
    ratingId: integer('rating_id').notNull().unique(),
    status: text('status').$type<CaseStatus>().notNull().default('open'),
    /** Last day (hall-local date) to close the case, counted in working days. */
    deadline: text('deadline').notNull(),
    appealStatus: text('appeal_status').$type<AppealStatus>().notNull().default('none'),
    appealReason: text('appeal_reason'),
    /** What the appeal claims: the rating was given by mistake, or maliciously. */
    appealKind: text('appeal_kind').$type<'mistaken' | 'malicious'>(),
    /** The manager who took the case up: the one who may see the visitor's number whole. */
    handlerId: integer('handler_id'),
    /** When the case, still open after its deadline, went up to the hall's supervisor. */
    escalatedAt: integer('escalated_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('rating_cases_hall_status').on(t.hallId, t.status)],
);

export const caseSteps = sqliteTable(
  'case_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => ratingCases.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note').notNull().default(''),
    userId: integer('user_id'),
    userName: text('user_name').notNull().default(''),
    /** 回访 steps: whether the visitor was reached, and satisfied (null when not reached). */
    reached: integer('reached', { mode: 'boolean' }),
    satisfied: integer('satisfied', { mode: 'boolean' }),
    at: integer('at').notNull(),
  },
  (t) => [index('case_steps_case').on(t.caseId)],
);

/** Appointment slots per service: weekday 1 (Monday) to 7, "HH:MM" bounds, capacity. */
export const appointmentSlots = sqliteTable(
  'appointment_slots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    weekday: integer('weekday').notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    capacity: integer('capacity').notNull(),
  },
  (t) => [index('appointment_slots_service').on(t.serviceId)],
);

export const bookings = sqliteTable(
  'bookings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id').notNull(),
    serviceId: integer('service_id').notNull(),
    /** Short code the visitor shows or types at the kiosk. */
    code: text('code').notNull().unique(),
    date: text('date').notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    phone: text('phone').notNull(),
    status: text('status').$type<BookingStatus>().notNull().default('booked'),
    ticketId: integer('ticket_id'),
    /** Unguessable code in the visitor's booking URL (/b/<code>); the short `code` is for typing. */
    publicCode: text('public_code').notNull().unique(),
    checkedInAt: integer('checked_in_at'),
    cancelledAt: integer('cancelled_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('bookings_slot').on(t.serviceId, t.date, t.start),
    index('bookings_phone').on(t.hallId, t.phone),
    // The no-show and reminder sweeps read open bookings of a few days.
    index('bookings_status').on(t.hallId, t.status, t.date),
  ],
);

/**
 * Notifications sent to visitors (booking confirmed, reminder, "you are 3 away", called), one row
 * per notification: its key makes each one go out at most once, also across restarts.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id').notNull(),
    kind: text('kind').notNull(),
    /** e.g. "near:ticket:42": a second attempt with the same key is not sent. */
    dedupeKey: text('dedupe_key').notNull().unique(),
    ticketId: integer('ticket_id'),
    bookingId: integer('booking_id'),
    /** sent, failed (the channel refused; logged), or skipped (nothing to tell). */
    status: text('status').notNull(),
    error: text('error'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('notifications_hall_time').on(t.hallId, t.createdAt)],
);

/**
 * 办件: an application handled at a window, numbered by the 一窗受理 business system, attached to
 * the ticket being served. Several on one ticket make one 一件事, rated once. The applicant's name
 * and ID number are stored masked only.
 */
export const caseFiles = sqliteTable(
  'case_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id')
      .notNull()
      .references(() => halls.id),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    /** 办件编号. */
    caseNumber: text('case_number').notNull(),
    /** 事项编码 and 事项名称. */
    serviceCode: text('service_code').notNull(),
    serviceName: text('service_name').notNull(),
    /** 实施机构 and its code. */
    department: text('department').notNull(),
    departmentCode: text('department_code'),
    applicantName: text('applicant_name'),
    applicantId: text('applicant_id'),
    /** clerk (the clerk console) or api (the business system). */
    source: text('source').$type<CaseFileSource>().notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by').notNull().default(''),
  },
  (t) => [uniqueIndex('case_files_number').on(t.hallId, t.caseNumber), index('case_files_ticket').on(t.ticketId)],
);

/**
 * 上报: ratings and 差评 case steps on their way to the provincial 好差评 platform, written in the
 * same transaction as what they report, delivered at least once (docs/rating-exchange.md).
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id')
      .notNull()
      .references(() => halls.id),
    /** UUID made with the message, the same on every retry, never used for another message. */
    messageId: text('message_id').notNull().unique(),
    type: text('type').$type<OutboxType>().notNull(),
    ratingId: integer('rating_id'),
    caseId: integer('case_id'),
    /** The `data` of the message, fixed when it was made. */
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    lastStatus: integer('last_status'),
    /** Hall-local day the message was made, for the per-day reconciliation. */
    serviceDay: text('service_day').notNull(),
    createdAt: integer('created_at').notNull(),
    firstAttemptAt: integer('first_attempt_at'),
    acknowledgedAt: integer('acknowledged_at'),
    deadAt: integer('dead_at'),
  },
  (t) => [index('outbox_due').on(t.status, t.nextAttemptAt), index('outbox_hall_day').on(t.hallId, t.serviceDay)],
);

/** Where a hall's messages go: the platform endpoint and the shared secret of the signature. */
export const exchangeEndpoints = sqliteTable('exchange_endpoints', {
  hallId: integer('hall_id')
    .primaryKey()
    .references(() => halls.id),
  endpoint: text('endpoint'),
  secret: text('secret'),
  updatedAt: integer('updated_at').notNull(),
});

/** Keys of a hall's business system (一窗受理) for the exchange API; only the hash is kept. */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hallId: integer('hall_id')
      .notNull()
      .references(() => halls.id),
    name: text('name').notNull(),
    /** sha256 of the key. */
    keyHash: text('key_hash').notNull().unique(),
    /** The first characters of the key, to tell keys apart in the console. */
    keyPrefix: text('key_prefix').notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: integer('created_by'),
    revokedAt: integer('revoked_at'),
    lastUsedAt: integer('last_used_at'),
  },
  (t) => [index('api_keys_hall').on(t.hallId)],
);

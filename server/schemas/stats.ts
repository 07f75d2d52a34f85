/** 统计分析: a date range with optional filters, and the export's format, breakdown and language. */
import { Type } from 'typebox';
import { STAT_DIMENSIONS } from '../../common/manager-protocol.js';
import { Day, Id, OneOf } from './common.js';

const RangeFields = {
  from: Day,
  to: Day,
  serviceId: Type.Optional(Id),
  windowId: Type.Optional(Id),
  clerkId: Type.Optional(Id),
};

export const StatsRangeQuery = Type.Object(RangeFields);

export const StatsExportQuery = Type.Object({
  ...RangeFields,
  format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'xlsx' }),
  dimension: OneOf(STAT_DIMENSIONS, { default: 'service' }),
  lang: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')], { default: 'zh-CN' }),
});

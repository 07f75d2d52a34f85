/**
 * Which services a window serves right now. A specialist window serves its listed services; a
 * 分领域 comprehensive window every enabled service of its zone; a 无差别 window every enabled
 * service of the hall. Listed rows still set tiers and weights for comprehensive windows, so a
 * comprehensive window can favour its home services without refusing the others.
 */
import type { ServedService, Service, Window } from './types.js';

export function servedServices(
  window: Pick<Window, 'mode' | 'zoneId'>,
  rows: readonly ServedService[],
  services: readonly Pick<Service, 'id' | 'zoneId' | 'enabled'>[],
): ServedService[] {
  const enabled = new Set(services.filter((s) => s.enabled).map((s) => s.id));
  if (window.mode === 'specialist') return rows.filter((r) => enabled.has(r.serviceId));
  const inScope = services.filter((s) => s.enabled && (window.mode === 'hall' || s.zoneId === window.zoneId));
  const listed = new Map(rows.map((r) => [r.serviceId, r]));
  return inScope.map((s) => listed.get(s.id) ?? { serviceId: s.id, tier: 1, weight: 1 }).sort((a, b) => a.tier - b.tier);
}

import { deviceEventSchema, type DeviceEvent } from '../../shared/domain/event';

/**
 * Whether a stored event and a pushed one are the same event: the same content whatever the key
 * order (jsonb keeps its own) or the case of the uuid. A row stored before the server dropped
 * unknown fields may still hold some: it is compared as the schema reads it today.
 */
export function isSameEvent(stored: unknown, pushed: DeviceEvent): boolean {
  const parsed = deviceEventSchema.safeParse(stored);
  return canonical(withLowerId(parsed.success ? parsed.data : stored)) === canonical(withLowerId(pushed));
}

function withLowerId(event: unknown): unknown {
  if (typeof event !== 'object' || event === null || !('id' in event) || typeof event.id !== 'string') return event;
  return { ...event, id: event.id.toLowerCase() };
}

/** JSON with object keys sorted at every level: equal for equal content. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'object' && inner !== null && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

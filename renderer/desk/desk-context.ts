import { v7 as uuidv7 } from 'uuid';
import type { DeviceEvent, EventType } from '../../shared/domain/event';

/** Who records and where: stamped on every event this desk makes. */
export interface DeskContext {
  deskId: string;
  operator: string;
  location: string;
}

/** A new event from this desk, with a fresh UUIDv7 and the desk clock's time. */
export function newEvent(ctx: DeskContext, type: EventType, deviceKey: string, data: Record<string, unknown>, now = new Date()): DeviceEvent {
  return {
    id: uuidv7(),
    type,
    deviceKey,
    at: now.toISOString(),
    deskId: ctx.deskId,
    operator: ctx.operator,
    location: ctx.location,
    data,
  } as DeviceEvent;
}

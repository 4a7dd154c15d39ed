import { deviceSchema, type Device } from '../domain/device';

/** A device as the register projects it, with only what a fleet test is about set. */
export function fleetDevice(fields: Partial<Device> & Pick<Device, 'key'>): Device {
  return deviceSchema.parse({
    kind: 'phone',
    status: 'ready',
    handouts: 0,
    receivedAt: '2022-01-10T09:00:00.000Z',
    statusSince: '2022-01-10T09:00:00.000Z',
    updatedAt: '2022-01-10T09:00:00.000Z',
    lastEventId: 'e1',
    ...fields,
  });
}

export const held = (employeeId: string, department: string) => ({ employeeId, department, since: '2023-01-01T09:00:00.000Z' });

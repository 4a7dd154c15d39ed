import type { Device, DeviceStatus, Holder } from '../domain/device';

/**
 * What the fleet reports (the replacement plan, residual values, the Intune reconciliation) read of
 * a device: its identity, purchase, model, holder, and of its status only what they tell apart —
 * assigned, disposed, lost, or any other status (`in_service`). A store keeps this per device
 * (packed, `renderer/store/holding-packs.ts`) and rewrites it only when it changes, which a scan
 * moving a device between shelves, desks and repair does not. A `Device` is a `FleetDevice` too, so
 * the central inventory passes its projections as they are.
 */
export type FleetStatus = Extract<DeviceStatus, 'assigned' | 'disposed' | 'lost'> | 'in_service';

export interface FleetDevice {
  key: Device['key'];
  status: DeviceStatus | 'in_service';
  model?: string;
  holder?: Pick<Holder, 'employeeId' | 'department'>;
  purchaseDate?: string;
  purchasePrice?: number;
  imei?: string;
  imei2?: string;
  serial?: string;
  /**
   * The department that held it last, while nobody holds it (the unused devices' report counts a
   * device on the shelf under it). Kept by the desk's fleet packs from the device's closed
   * holdings; a projection does not know it, so the centre's devices leave it out.
   */
  lastDepartment?: string;
}

export function fleetStatusOf(status: DeviceStatus): FleetStatus {
  return status === 'assigned' || status === 'disposed' || status === 'lost' ? status : 'in_service';
}

/** The device as the fleet reports read it: every report over these equals the report over the devices. */
export function fleetDeviceOf(device: Device): FleetDevice {
  const status = fleetStatusOf(device.status);
  return {
    key: device.key,
    status,
    ...(device.model !== undefined ? { model: device.model } : {}),
    ...(device.holder ? { holder: { employeeId: device.holder.employeeId, department: device.holder.department } } : {}),
    ...(device.purchaseDate !== undefined ? { purchaseDate: device.purchaseDate } : {}),
    ...(device.purchasePrice !== undefined ? { purchasePrice: device.purchasePrice } : {}),
    ...(device.imei !== undefined ? { imei: device.imei } : {}),
    ...(device.imei2 !== undefined ? { imei2: device.imei2 } : {}),
    ...(device.serial !== undefined ? { serial: device.serial } : {}),
  };
}

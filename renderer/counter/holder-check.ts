import type { Device } from '../../shared/domain/device';
import type { Employee } from '../../shared/domain/reference';
import { deviceLabel } from '../desk/device-label';
import type { Message } from '../desk/workflows/workflow';

/**
 * A return from one employee of a device the register has with another: most likely the wrong
 * device or the wrong person at the desk, so amber first; the same label scanned again (`confirmed`)
 * takes it back anyway. `undefined` when there is nothing to warn of (no employee chosen, the
 * device not handed out, or held by them).
 */
export function holderMismatch(device: Device, employee: Employee | undefined, confirmed: boolean): Message | undefined {
  if (confirmed || !employee || !device.holder || device.holder.employeeId === employee.id) return undefined;
  return { key: 'feedback.otherHolder', params: { device: deviceLabel(device), holder: device.holder.employeeId, name: employee.name } };
}

import type { Device } from '../../shared/domain/device';
import type { Employee } from '../../shared/domain/reference';
import { employeeCardCode } from '../../shared/employees/card';

/** What one printed label carries: the code (both symbols and the text under them) and two lines. */
export interface LabelContent {
  code: string;
  /** The model of a device, the name of an employee. */
  title: string;
  /** The owner ("Københavns Kommune") on a device, the department on an employee card. */
  line: string;
}

/**
 * A device's label: the asset tag when it has one (the municipality's own number), else the
 * serial, else the IMEI — what a scan of it finds the device by.
 */
export function deviceLabelContent(device: Pick<Device, 'assetTag' | 'serial' | 'imei' | 'key'>, modelName: string, owner: string): LabelContent {
  return { code: device.assetTag ?? device.serial ?? device.imei ?? device.key, title: modelName, line: owner };
}

/** An employee card: `KVIK:EMP:<id>`, which starts a handout to them when scanned; `null` if the id cannot be printed. */
export function employeeCardContent(employee: Employee, departmentName: string): LabelContent | null {
  const code = employeeCardCode(employee.id);
  return code ? { code, title: employee.name, line: departmentName } : null;
}

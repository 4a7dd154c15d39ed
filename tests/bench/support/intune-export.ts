/** A device as the export below needs it: the register's device or the fleet reports' view of one. */
export interface ExportedDevice {
  status: string;
  holder?: { employeeId: string } | undefined;
  serial?: string | undefined;
  imei?: string | undefined;
  model?: string | undefined;
}

/** Intune's "All devices" export header as Intune writes it today (`../shared/fixtures/import/intune-all-devices.sample.csv`): 48 columns. */
const HEADER = [
  'Device ID', 'Device name', 'Enrollment date', 'Last check-in', 'Microsoft Entra Device ID', 'OS version', 'Microsoft Entra registered', 'EAS activation ID',
  'Serial number', 'Manufacturer', 'Model', 'EAS activated', 'IMEI', 'Last EAS sync time', 'EAS reason', 'EAS status', 'Compliance grace period expiration',
  'Security patch level', 'Wi-Fi MAC', 'MEID', 'Subscriber carrier', 'Total storage', 'Free storage', 'Management name', 'Category', 'UserId',
  'Primary user UPN', 'Primary user email address', 'Primary user display name', 'WiFiIPv4Address', 'WiFiSubnetID', 'Compliance', 'Managed by',
  'Ownership', 'Device state', 'Intune registered', 'Supervised', 'Encrypted', 'OS', 'SkuFamily', 'JoinType', 'Phone number', 'Jailbroken', 'ICCID',
  'EthernetMAC', 'CellularTechnology', 'ProcessorArchitecture', 'EID',
] as const;
type Column = (typeof HEADER)[number];

/** One line as Intune writes it: every field quoted, the columns not given empty. */
function line(cells: Partial<Record<Column, string>>): string {
  return HEADER.map((column) => `"${(cells[column] ?? '').replace(/"/g, '""')}"`).join(',');
}

/**
 * An Intune "All devices" export of a fleet as Intune would hold it, in Intune's own shape (48
 * columns, every field quoted, CRLF; a line is ~450 characters): most devices in service, some
 * checked in long ago, a few disposed ones still enrolled, a few with another primary user, and
 * devices the register does not know. The desk's and the centre's reconciliation benchmarks read
 * the same file.
 */
export function intuneExport(devices: readonly ExportedDevice[]): { text: string; rows: number } {
  const lines = [HEADER.map((column) => `"${column}"`).join(',')];
  const id = (n: number, salt: number) => `${(n * 2654435761 + salt).toString(16).padStart(8, '0').slice(-8)}-${String(n % 10000).padStart(4, '0')}-4000-8000-${String(n).padStart(12, '0')}`;
  devices.forEach((device, n) => {
    if (device.status === 'lost' || (device.status === 'disposed' && n % 10 !== 0) || n % 13 === 0) return;
    const checkIn = n % 17 === 0 ? '2026-05-02 08:00:00.0000000' : '2026-11-2' + (n % 9) + ' 08:21:44.0000000';
    // The holder as the register names them (the bench's store has no employees to find by address); one in 29 another user.
    const user = device.holder ? (n % 29 === 0 ? `other${n}@kk.dk` : device.holder.employeeId) : '';
    const phone = device.imei !== undefined;
    lines.push(
      line({
        'Device ID': id(n, 1), 'Device name': `KK-DEV-${n}`, 'Enrollment date': '2024-09-10 08:30:00.0000000', 'Last check-in': checkIn,
        'Microsoft Entra Device ID': id(n, 2), 'OS version': phone ? '18.1.1' : '10.0.22631.4460', 'Serial number': device.serial ?? '',
        Manufacturer: phone ? 'Apple' : 'Dell Inc.', Model: device.model ?? '', IMEI: device.imei ?? '', 'Security patch level': '2026-11-01',
        'Total storage': '128000', 'Free storage': '64000', 'Management name': `user_${n}`, 'Primary user UPN': user, 'Primary user email address': user,
        'Primary user display name': user ? `Bruger ${n % 5000}` : '', Compliance: n % 11 === 0 ? 'Noncompliant' : 'Compliant', 'Managed by': 'Intune',
        Ownership: 'Corporate', 'Device state': 'Active', 'Intune registered': 'True', Supervised: phone ? 'True' : '', Encrypted: 'True',
        OS: phone ? 'iOS' : 'Windows', JoinType: phone ? '' : 'Microsoft Entra joined', 'Phone number': phone ? `+45 3${String(n).padStart(7, '0')}` : '',
        'Wi-Fi MAC': (n * 7919).toString(16).padStart(12, '0'), ProcessorArchitecture: phone ? 'arm64' : 'x64',
      }),
    );
  });
  for (let n = 0; n < devices.length / 20; n++)
    lines.push(
      line({
        'Device ID': id(n, 3), 'Device name': `X${n}`, 'Last check-in': '2026-11-20 08:00:00.0000000', 'Serial number': `XS${n}`, Manufacturer: 'samsung',
        Model: 'SM-A546B', 'Primary user UPN': `x${n}@kk.dk`, Ownership: 'Personal', 'Managed by': 'Intune', OS: 'Android', 'Device state': 'Active',
      }),
    );
  return { text: lines.join('\r\n'), rows: lines.length - 1 };
}

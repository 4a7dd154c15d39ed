/** A device as the export below needs it: the register's device or the fleet reports' view of one. */
export interface ExportedDevice {
  status: string;
  holder?: { employeeId: string } | undefined;
  serial?: string | undefined;
  imei?: string | undefined;
  model?: string | undefined;
}

/**
 * An Intune "All devices" export of a fleet as Intune would hold it: most devices in service,
 * some checked in long ago, a few disposed ones still enrolled, a few with another primary user,
 * and devices the register does not know. The desk's and the centre's reconciliation benchmarks
 * read the same file.
 */
export function intuneExport(devices: readonly ExportedDevice[]): { text: string; rows: number } {
  const lines = ['Device name,Managed by,Ownership,OS,Last check-in,Primary user UPN,Serial number,IMEI,Manufacturer,Model,Azure AD Device ID'];
  devices.forEach((device, n) => {
    if (device.status === 'lost' || (device.status === 'disposed' && n % 10 !== 0) || n % 13 === 0) return;
    const checkIn = n % 17 === 0 ? '2026-05-02 08:00:00.0000000' : '2026-11-2' + (n % 9) + ' 08:21:44.0000000';
    // The holder as the register names them (the bench's store has no employees to find by address); one in 29 another user.
    const user = device.holder ? (n % 29 === 0 ? `other${n}@kk.dk` : device.holder.employeeId) : '';
    lines.push(`D${n},Intune,Corporate,iOS,${checkIn},${user},${device.serial ?? ''},${device.imei ?? ''},Apple,${device.model ?? ''},id${n}`);
  });
  for (let n = 0; n < devices.length / 20; n++) lines.push(`X${n},Intune,Personal,Android,2026-11-20 08:00:00.0000000,x${n}@kk.dk,XS${n},,Samsung,Galaxy A54,x${n}`);
  return { text: lines.join('\r\n'), rows: lines.length - 1 };
}

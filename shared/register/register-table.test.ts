import { describe, expect, it } from 'vitest';
import { deviceIn } from '../testing/builders';
import { registerRow, registerTable, type RegisterNames } from './register-table';

const names: RegisterNames = {
  model: (id) => ({ IP13: 'iPhone 13' })[id],
  employee: (id) => ({ E1: 'Jens Hansen' })[id],
  location: (id) => ({ 'KVIK-1': 'Kvikskranke Rådhuset' })[id],
  department: (id) => ({ D1: 'Økonomiforvaltningen' })[id],
};

describe('a register row', () => {
  const { device } = deviceIn('assigned');
  const handedOut = {
    ...device,
    model: 'IP13',
    location: 'KVIK-1',
    assetTag: 'KK000123',
    sim: '8945102000001234561',
    holder: { employeeId: 'E1', department: 'D1', since: device.statusSince },
  };

  it('shows names, never ids, beside the asset tag and the paired SIM', () => {
    expect(registerRow(handedOut, names, Date.parse(device.statusSince))).toMatchObject({
      model: 'iPhone 13',
      location: 'Kvikskranke Rådhuset',
      holder: 'Jens Hansen',
      department: 'Økonomiforvaltningen',
      assetTag: 'KK000123',
      sim: '8945102000001234561',
    });
  });

  it('falls back to the id when the reference data does not name it, and lists its columns once', () => {
    const row = registerRow({ ...handedOut, holder: { ...handedOut.holder, department: 'D-GONE' } }, names, Date.parse(device.statusSince));
    expect(row.department).toBe('D-GONE');
    const columns = registerTable([row]).columns.map((column) => column.key);
    expect(new Set(columns).size).toBe(columns.length);
    expect(columns).toEqual(expect.arrayContaining(['assetTag', 'sim', 'department']));
  });
});

import { describe, expect, it } from 'vitest';
import { fleetDevice, held } from './fleet.test-support';
import { replacementPlan } from './replacement';

const models = [
  { id: 'iphone-13', name: 'iPhone 13', kind: 'phone' as const, price: 500_000 },
  { id: 'latitude', name: 'Latitude 5440', kind: 'pc' as const, price: 900_000 },
  { id: 'old', name: 'Old phone', kind: 'phone' as const },
];

describe('replacement plan', () => {
  // Today is in Q4 2026: this quarter is Oct–Dec 2026, next Jan–Mar 2027, this year 2026.
  const devices = [
    fleetDevice({ key: 'serial:A1', model: 'iphone-13', status: 'assigned', holder: held('e1', 'BUF'), handouts: 1, purchaseDate: '2022-11-03' }),
    fleetDevice({ key: 'serial:A2', model: 'iphone-13', status: 'assigned', holder: held('e2', 'BUF'), handouts: 1, purchaseDate: '2022-12-31' }),
    fleetDevice({ key: 'serial:A3', model: 'latitude', kind: 'pc', purchaseDate: '2023-02-01' }),
    fleetDevice({ key: 'serial:A4', model: 'iphone-13', status: 'assigned', holder: held('e3', 'SUF'), handouts: 1, purchaseDate: '2022-03-01' }),
    fleetDevice({ key: 'serial:A5', model: 'old', status: 'assigned', holder: held('e4', 'BUF'), handouts: 1, purchaseDate: '2021-05-01' }),
    fleetDevice({ key: 'serial:A6', model: 'iphone-13', status: 'disposed', disposal: { method: 'recycled', certificate: 'C1', at: '2026-01-01T00:00:00.000Z' }, purchaseDate: '2022-11-03' }),
    fleetDevice({ key: 'serial:A7', model: 'iphone-13', purchaseDate: '2023-04-01' }),
    fleetDevice({ key: 'serial:A8', model: 'iphone-13' }),
  ];
  const plan = replacementPlan(devices, models, '2026-11-20');
  const window = (id: string) => plan.windows.find((w) => w.id === id)!;

  it('takes the devices turning four in this quarter, by department and model, with the budget at the model price', () => {
    expect(window('this_quarter')).toMatchObject({ firstDay: '2026-10-01', lastDay: '2026-12-31', count: 2, budgetOre: 1_000_000, unpriced: 0 });
    expect(window('this_quarter').groups).toEqual([{ department: 'BUF', model: 'iphone-13', count: 2, budgetOre: 1_000_000, unpriced: 0, keys: ['serial:A1', 'serial:A2'] }]);
  });

  it('takes next quarter across the new year, stock devices under no department', () => {
    expect(window('next_quarter')).toMatchObject({ firstDay: '2027-01-01', lastDay: '2027-03-31', count: 1, budgetOre: 900_000, keys: ['serial:A3'] });
    expect(window('next_quarter').groups[0]).toMatchObject({ department: '', model: 'latitude' });
  });

  it('takes the whole calendar year, and lists the overdue ones apart, counting unpriced models', () => {
    expect(window('this_year').keys).toEqual(['serial:A1', 'serial:A2', 'serial:A4']);
    expect(window('this_year').groups.map((g) => `${g.department}/${g.model}/${g.count}`)).toEqual(['BUF/iphone-13/2', 'SUF/iphone-13/1']);
    expect(window('overdue')).toMatchObject({ lastDay: '2026-09-30', count: 2, budgetOre: 500_000, unpriced: 1 });
    expect(window('overdue').keys).toEqual(['serial:A5', 'serial:A4']);
  });

  it('leaves out disposed devices and lists those without a purchase date', () => {
    expect(plan.windows.flatMap((w) => w.keys)).not.toContain('serial:A6');
    expect(plan.undated).toEqual(['serial:A8']);
  });
});

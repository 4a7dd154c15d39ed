import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { initI18n } from '../i18n';
import { createSyncClient } from '../sync/client';
import { editProblem } from './edit-problem';
import { fieldText, formToRow, referenceFields } from './reference-fields';

let t: TFunction;
beforeAll(async () => {
  t = (await initI18n('da')).t;
});

const answering = (status: number, body: unknown) =>
  createSyncClient({ serverUrl: 'http://127.0.0.1:1', token: 't', fetch: async () => new Response(JSON.stringify(body), { status }) });

describe('a reference edit the server did not take', () => {
  it("says a role's refusal in Danish, from the server's code", async () => {
    const error = await answering(403, { error: { code: 'not_permitted', message: 'operator D1 may not edit reference data' } })
      .editReference('models', 'D1', [{ id: 'X' }])
      .catch((e: unknown) => e);
    expect(editProblem(t, error)).toBe('Din rolle giver ikke adgang til denne handling. Bed en teamleder.');
  });

  it('says that the edit needs the connection when the server cannot be reached', async () => {
    const client = createSyncClient({ serverUrl: 'http://127.0.0.1:1', token: 't', fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    const error = await client.editReference('employees', 'TL1', [{ id: 'E1' }]).catch((e: unknown) => e);
    expect(editProblem(t, error)).toMatch(/har ikke forbindelse/);
  });

  it("passes any other refusal on with the server's words", async () => {
    const error = await answering(400, { error: { code: 'bad_request', message: 'rows: too big' } }).editReference('employees', 'TL1', []).catch((e: unknown) => e);
    expect(editProblem(t, error)).toBe('Den centrale database tog ikke imod ændringen: 400 bad_request: rows: too big');
  });
});

describe("a model's price in the form", () => {
  const price = referenceFields.models.find((f) => f.name === 'price');
  it('is shown in kroner and read back to øre, Danish or English', () => {
    if (!price) throw new Error('models have a price');
    expect(fieldText(price, 459900)).toBe('4599,00');
    expect(fieldText(price, 5)).toBe('0,05');
    expect(formToRow([price], { price: '4.599,00' })).toEqual({ price: 459900 });
    expect(formToRow([price], { price: fieldText(price, 459950) })).toEqual({ price: 459950 });
    expect(formToRow([price], { price: '4599.5' })).toEqual({ price: 459950 });
    // Not kroner: left as text for the schema to refuse with its reason.
    expect(formToRow([price], { price: 'gratis' })).toEqual({ price: 'gratis' });
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Condition, DeviceKind } from '../../../shared/domain/device';
import { eventDataSchemas } from '../../../shared/domain/event';
import type { Employee } from '../../../shared/domain/reference';
import { parseScan } from '../../../shared/scan/parse';
import { da } from '../../i18n/da';
import { en } from '../../i18n/en';
import { modeFromCommand } from '../modes';
import { found } from './found';
import { receive } from './receive';
import { missingSetting, readBatchSettings, settingsAfterDone, workflowNames, workflowOf, workflows, type AnyWorkflow, type SettingsOf } from './index';
import type { DeviceScan } from './workflow';

const employee: Employee = { id: 'E1001', name: 'Søren Ærø', department: 'ØKF' };
/** A value for every setting a workflow may require, as an operator would set it. */
const filledIn: Record<string, unknown> = { employee, vendor: 'Dansk Mobilservice', method: 'recycled', certificate: 'WEEE-2026-118', destination: 'KVIK-NORD', transferId: 'T261201-7KQ2' };
const scan = parseScan('354381079141772') as DeviceScan;
const place = { location: 'LAGER', today: '2026-11-30' };

describe('the workflow registry', () => {
  it.each(workflowNames)('%s is complete: defaults, required settings, event data the event accepts', (name) => {
    const workflow = workflowOf(name);
    const defaults: Record<string, unknown> = workflow.settings.parse({});
    for (const [key, message] of Object.entries(workflow.required)) {
      // Every other required setting filled in: this one alone is missing.
      const others = Object.fromEntries(Object.keys(workflow.required).filter((other) => other !== key).map((other) => [other, filledIn[other]]));
      expect(missingSetting(name, { ...defaults, ...others }), `${name} needs ${key}`).toBe(message);
      expect(message && message.split('.').reduce<unknown>((texts, part) => (texts as Record<string, unknown>)[part], da)).toEqual(expect.any(String));
    }
    const ready = { ...defaults, ...Object.fromEntries(Object.keys(workflow.required).map((key) => [key, filledIn[key]])) };
    expect(missingSetting(name, ready)).toBeUndefined();
    const data = workflow.data(workflow.settings.parse(ready), scan, place);
    expect(eventDataSchemas[workflow.event].safeParse(data).success, `${name}: ${JSON.stringify(data)}`).toBe(true);
    for (const key of workflow.clearedByDone) expect(Object.keys(workflow.settings.shape)).toContain(key);
  });

  it('names each workflow in Danish and English, and each command word drives exactly its workflow', () => {
    const words = workflowNames.flatMap((name) => [workflows[name].words.da, workflows[name].words.en]);
    expect(new Set(words).size).toBe(words.length);
    for (const name of workflowNames) {
      expect(da.modes[name]).toBeTruthy();
      expect(en.modes[name]).toBeTruthy();
      for (const word of Object.values(workflows[name].words)) {
        expect(parseScan(`KVIK:MODE:${word}`)).toEqual({ kind: 'command', value: `MODE:${word}` });
        expect(modeFromCommand(word)).toBe(name);
      }
    }
  });

  it('records a different event in every workflow', () => {
    const events = workflowNames.map((name) => workflows[name].event);
    expect(new Set(events).size).toBe(events.length);
  });

  it('receives with the purchase: the batch’s date and price, else the day received; a model brings its price', () => {
    const scan = parseScan('354381079141772');
    if (scan.kind !== 'imei') throw new Error('not an IMEI');
    expect(receive.data({ kind: 'phone' }, scan, place)).toEqual({ kind: 'phone', imei: '354381079141772', purchaseDate: '2026-11-30' });
    expect(receive.data({ kind: 'phone', model: 'IP13', purchaseDate: '2026-10-01', purchasePrice: 459_900 }, scan, place)).toMatchObject({ purchaseDate: '2026-10-01', purchasePrice: 459_900 });
    const model = { id: 'IP13', name: 'iPhone 13', kind: 'phone' as const, price: 459_900 };
    expect(receive.modelFromBox(model)).toEqual({ model: 'IP13', kind: 'phone', purchasePrice: 459_900 });
  });

  it('DONE clears what belongs to one batch and keeps the rest', () => {
    const settings = readBatchSettings({ handout: { employee, requestNumber: 'RITM0012345' }, return: { condition: 'defective', reason: 'revnet skærm', requestNumber: 'RITM0012346' } });
    expect(settingsAfterDone('handout', settings.handout)).toEqual({ requestNumber: '' });
    expect(settingsAfterDone('return', settings.return)).toEqual({ condition: 'defective', reason: '', requestNumber: '' });
    expect(settingsAfterDone('receive', { kind: 'tablet', model: 'IPAD10', purchaseDate: '2026-10-01', purchasePrice: 459_900 })).toEqual({ kind: 'tablet' });
    expect(settingsAfterDone('dispose', { method: 'destroyed', certificate: 'C-1' })).toEqual({ certificate: '' });
  });

  it('reads what the store kept workflow by workflow: one that no longer reads gets its defaults', () => {
    const settings = readBatchSettings({ receive: { kind: 'tablet', model: 'IPAD10' }, repaired: { outcome: 'exploded' } });
    expect(settings.receive).toEqual({ kind: 'tablet', model: 'IPAD10' });
    expect(settings.repaired).toEqual({ outcome: 'fixed' });
    // The disposal method starts empty: how a batch leaves is chosen, never assumed.
    expect(settings.dispose).toEqual({ certificate: '' });
  });

  it('types each workflow by its settings schema', () => {
    expectTypeOf<SettingsOf<'receive'>>().toEqualTypeOf<{ kind: DeviceKind; model?: string | undefined; purchaseDate?: string | undefined; purchasePrice?: number | undefined }>();
    expectTypeOf<SettingsOf<'handout'>>().toEqualTypeOf<{ employee?: Employee | undefined; requestNumber: string }>();
    expectTypeOf<SettingsOf<'return'>>().toEqualTypeOf<{ condition: Condition; reason: string; employee?: Employee | undefined; requestNumber: string }>();
    const { Panel: _panel, ...withoutPanel } = found;
    // @ts-expect-error a workflow without its settings panel is not a workflow
    const incomplete: AnyWorkflow = withoutPanel;
    expect(incomplete).toBeDefined();
  });
});

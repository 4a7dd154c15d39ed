import { gtinOwner } from '../../shared/accessories/catalogue';
import { isActive } from '../../shared/domain/reference-use';
import type { Decision, DecideInput } from '../desk/decide';
import { missingSetting } from '../desk/workflows';

/**
 * A scanned GTIN that is an accessory's (`gtinOwner`: not a model's): in a handout it goes out
 * with the employee's devices, in receive it is a box whose count the desk asks for; anywhere
 * else it is refused. `undefined`: not an accessory's, the model rules decide.
 */
export function decideAccessoryGtin({ mode, settings, models, accessories }: DecideInput, gtin: string): Decision | undefined {
  const owner = gtinOwner(gtin, models, accessories ?? []);
  if (owner.kind === 'both')
    return { kind: 'error', message: { key: 'accessories.feedback.both', params: { gtin, model: owner.model.name, name: owner.accessory.name } } };
  if (owner.kind !== 'accessory') return undefined;
  const { accessory } = owner;
  const name = accessory.name;
  if (!isActive(accessory)) return { kind: 'error', message: { key: 'accessories.feedback.inactive', params: { name } } };
  if (mode === 'receive') return { kind: 'accessory', action: 'receive', accessory, gtin };
  if (mode !== 'handout') return { kind: 'error', message: { key: 'accessories.feedback.notHere', params: { name } } };
  // Like a device: nothing goes out before the employee is chosen.
  const missing = missingSetting('handout', settings.handout);
  if (missing) return { kind: 'error', message: { key: missing } };
  return { kind: 'accessory', action: 'issue', accessory, gtin };
}

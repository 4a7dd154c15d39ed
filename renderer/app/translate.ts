import type { TFunction } from 'i18next';
import type { Message } from '../desk/decide';

/** Parameters that name an enumeration value are shown in the operator's language too. */
const enumParams: Record<string, string> = { event: 'events', status: 'statuses', mode: 'modes', kind: 'kinds', category: 'warehouse.disposal.categories' };

export function translateMessage(t: TFunction, message: Message): string {
  if (!message.key) return '';
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    const namespace = enumParams[name];
    params[name] = namespace && typeof value === 'string' ? t(`${namespace}.${value}`, { defaultValue: value }) : value;
  }
  return t(message.key, params);
}

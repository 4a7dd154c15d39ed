import type { DeviceKind, DeviceStatus } from '../domain/device';
import type { MovementType } from './movements';

/**
 * The reports' words in Danish and English. They live beside the computations, not in the
 * renderer's i18n files, because the server exports the same CSV files as the desk.
 */
export const languages = ['da', 'en'] as const;
export type Language = (typeof languages)[number];
export type Label = Readonly<Record<Language, string>>;

export const statusLabels: Readonly<Record<DeviceStatus, Label>> = {
  received: { da: 'Modtaget', en: 'Received' },
  ready: { da: 'Klar', en: 'Ready' },
  assigned: { da: 'Udleveret', en: 'Handed out' },
  returned: { da: 'Indleveret', en: 'Returned' },
  in_repair: { da: 'Til reparation', en: 'In repair' },
  disposed: { da: 'Bortskaffet', en: 'Disposed of' },
  lost: { da: 'Bortkommet', en: 'Lost' },
};

export const kindLabels: Readonly<Record<DeviceKind, Label>> = {
  phone: { da: 'Telefon', en: 'Phone' },
  tablet: { da: 'Tablet', en: 'Tablet' },
  pc: { da: 'PC', en: 'PC' },
};

export const movementLabels: Readonly<Record<MovementType, Label>> = {
  received: { da: 'Modtaget', en: 'Received' },
  prepared: { da: 'Klargjort', en: 'Prepared' },
  handed_out: { da: 'Udleveret', en: 'Handed out' },
  returned: { da: 'Indleveret', en: 'Returned' },
  sent_to_repair: { da: 'Sendt til reparation', en: 'Sent to repair' },
  repaired: { da: 'Hjem fra reparation', en: 'Back from repair' },
  disposed: { da: 'Bortskaffet', en: 'Disposed of' },
  reported_lost: { da: 'Meldt bortkommet', en: 'Reported lost' },
  found: { da: 'Fundet', en: 'Found' },
  moved_in: { da: 'Flyttet hertil', en: 'Moved in' },
  moved_out: { da: 'Flyttet herfra', en: 'Moved out' },
  corrected: { da: 'Rettet', en: 'Corrected' },
};

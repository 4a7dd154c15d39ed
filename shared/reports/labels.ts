import type { DeviceKind, DeviceStatus } from '../domain/device';
import type { EventType } from '../domain/event';
import type { MovementType } from './movements';

/**
 * The domain's words in Danish and English: statuses, kinds, events. The one place they are
 * written; the desk's i18n texts take them from here, and the reports (which the server exports
 * too) use them directly, so a screen, a printout and a CSV file say the same thing.
 */
export const languages = ['da', 'en'] as const;
export type Language = (typeof languages)[number];
export type Label = Readonly<Record<Language, string>>;

/** A device's status, as every screen and report says it. */
export const statusLabels: Readonly<Record<DeviceStatus, Label>> = {
  received: { da: 'På lager (ikke klargjort)', en: 'In stock (not prepared)' },
  ready: { da: 'Klar til udlevering', en: 'Ready for handout' },
  assigned: { da: 'Udleveret', en: 'Handed out' },
  returned: { da: 'Returneret (afventer vurdering)', en: 'Returned (awaiting triage)' },
  in_repair: { da: 'Til reparation', en: 'At repair' },
  in_transit: { da: 'Under forsendelse', en: 'In transit' },
  disposed: { da: 'Bortskaffet', en: 'Disposed of' },
  lost: { da: 'Bortkommet', en: 'Lost' },
};

export const kindLabels: Readonly<Record<DeviceKind, Label>> = {
  phone: { da: 'Telefon', en: 'Phone' },
  tablet: { da: 'Tablet', en: 'Tablet' },
  pc: { da: 'PC', en: 'PC' },
};

/** What happened to a device, as the desk's history and the reports say it. */
export const eventLabels: Readonly<Record<EventType, Label>> = {
  received: { da: 'Modtaget', en: 'Received' },
  imported: { da: 'Indlæst fra eksisterende register', en: 'Imported from the existing register' },
  prepared: { da: 'Klargjort', en: 'Prepared' },
  handed_out: { da: 'Udleveret', en: 'Handed out' },
  returned: { da: 'Returneret', en: 'Returned' },
  sent_to_repair: { da: 'Sendt til reparation', en: 'Sent to repair' },
  repaired: { da: 'Retur fra reparation', en: 'Back from repair' },
  disposed: { da: 'Bortskaffet', en: 'Disposed of' },
  reported_lost: { da: 'Meldt bortkommet', en: 'Reported lost' },
  found: { da: 'Fundet', en: 'Found' },
  moved: { da: 'Flyttet', en: 'Moved' },
  transfer_sent: { da: 'Sendt med forsendelse', en: 'Sent in a transfer' },
  transfer_received: { da: 'Modtaget fra forsendelse', en: 'Received from a transfer' },
  transfer_missing: { da: 'Manglede i forsendelse', en: 'Missing from a transfer' },
  counted: { da: 'Talt ved optælling', en: 'Counted in a stocktake' },
  note: { da: 'Note', en: 'Note' },
  receipt: { da: 'Kvittering', en: 'Receipt' },
  sim_paired: { da: 'SIM-kort parret', en: 'SIM card paired' },
  tagged: { da: 'Inventarmærke sat på', en: 'Asset tag attached' },
  voided: { da: 'Annulleret (fejlregistrering)', en: 'Voided (registered in error)' },
  corrected: { da: 'Rettet', en: 'Corrected' },
};

export const movementLabels: Readonly<Record<MovementType, Label>> = {
  received: eventLabels.received,
  imported: eventLabels.imported,
  prepared: eventLabels.prepared,
  handed_out: eventLabels.handed_out,
  returned: eventLabels.returned,
  sent_to_repair: eventLabels.sent_to_repair,
  repaired: eventLabels.repaired,
  disposed: eventLabels.disposed,
  reported_lost: eventLabels.reported_lost,
  found: eventLabels.found,
  moved_in: { da: 'Flyttet hertil', en: 'Moved in' },
  moved_out: { da: 'Flyttet herfra', en: 'Moved out' },
  voided: eventLabels.voided,
  corrected: eventLabels.corrected,
};

/** One language's words of a label table, as the desk's i18n texts take them. */
export function wordsIn<K extends string>(labels: Readonly<Record<K, Label>>, language: Language): Record<K, string> {
  return Object.fromEntries(Object.entries<Label>(labels).map(([key, label]) => [key, label[language]])) as Record<K, string>;
}

/**
 * The accessories' texts (chargers, cables, covers: counted stock), kept apart so they merge
 * without touching the rest: `da.accessories` / `en.accessories`. Plurals through i18next.
 */
export const accessoriesDa = {
  kinds: { charger: 'Oplader', cable: 'Kabel', cover: 'Cover', other: 'Andet' },
  fields: { kind: 'Type' },
  feedback: {
    issued: '{{count}} × {{name}} udleveret — {{left}} tilbage her',
    issuedLow: '{{count}} × {{name}} udleveret — lavt lager: {{left}} tilbage (grænse {{level}})',
    issuedEmpty: '{{count}} × {{name}} udleveret — lager viser {{before}} — tæl op',
    askCount: 'Hvor mange {{name}} er der i kassen? Skriv antallet, og tryk Enter.',
    received_one: '{{count}} {{name}} modtaget — {{stock}} på lager her',
    received_other: '{{count}} stk. {{name}} modtaget — {{stock}} på lager her',
    adjusted: '{{name}}: antallet er rettet til {{stock}}',
    notHere: '{{name}} er tilbehør: det scannes i Udlever eller Modtag.',
    inactive: '{{name}} er deaktiveret i stamdata og kan ikke scannes ind.',
    both: 'GTIN {{gtin}} står både på modellen {{model}} og på tilbehøret {{name}}. Ret stamdata.',
    undone: 'Fortrudt: {{count}} × {{name}}',
  },
  count: {
    label: 'Antal i kassen: {{name}}',
    record: 'Modtag',
    cancel: 'Annullér',
    invalid: 'Skriv et helt antal fra 1 til {{max}}.',
  },
  batch: {
    title: 'Tilbehør i udleveringen',
    line: '{{count}} × {{name}}',
  },
  shelf: {
    title: 'Tilbehør på lager her',
    empty: 'Intet tilbehør på lager her endnu.',
    low: 'lavt lager',
    negative: 'under 0 — tæl op',
    level: 'grænse {{level}}',
    adjust: 'Ret antal',
    counted: 'Talt på hylden',
    reason: 'Årsag',
    defaultReason: 'Optalt',
    save: 'Gem antallet',
    refused_one: '{{count}} hændelse for tilbehør blev afvist af den centrale database',
    refused_other: '{{count}} hændelser for tilbehør blev afvist af den centrale database',
  },
  receipt: {
    title: 'Tilbehør',
    count: 'Antal',
    name: 'Tilbehør',
  },
};

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

export const accessoriesEn: Texts<typeof accessoriesDa> = {
  kinds: { charger: 'Charger', cable: 'Cable', cover: 'Cover', other: 'Other' },
  fields: { kind: 'Kind' },
  feedback: {
    issued: '{{count}} × {{name}} handed out — {{left}} left here',
    issuedLow: '{{count}} × {{name}} handed out — low stock: {{left}} left (level {{level}})',
    issuedEmpty: '{{count}} × {{name}} handed out — stock shows {{before}} — count it',
    askCount: 'How many {{name}} are in the box? Type the number and press Enter.',
    received_one: '{{count}} {{name}} received — {{stock}} in stock here',
    received_other: '{{count}} × {{name}} received — {{stock}} in stock here',
    adjusted: '{{name}}: the count is corrected to {{stock}}',
    notHere: '{{name}} is an accessory: scan it in Hand out or Receive.',
    inactive: '{{name}} is deactivated in the reference data and cannot be scanned in.',
    both: 'GTIN {{gtin}} is on both the model {{model}} and the accessory {{name}}. Correct the reference data.',
    undone: 'Undone: {{count}} × {{name}}',
  },
  count: {
    label: 'Count in the box: {{name}}',
    record: 'Receive',
    cancel: 'Cancel',
    invalid: 'Type a whole number from 1 to {{max}}.',
  },
  batch: {
    title: 'Accessories in this handout',
    line: '{{count}} × {{name}}',
  },
  shelf: {
    title: 'Accessories in stock here',
    empty: 'No accessories in stock here yet.',
    low: 'low stock',
    negative: 'below 0 — count it',
    level: 'level {{level}}',
    adjust: 'Correct count',
    counted: 'Counted on the shelf',
    reason: 'Reason',
    defaultReason: 'Counted',
    save: 'Save the count',
    refused_one: '{{count}} accessory event was refused by the central inventory',
    refused_other: '{{count}} accessory events were refused by the central inventory',
  },
  receipt: {
    title: 'Accessories',
    count: 'Count',
    name: 'Accessory',
  },
};

/**
 * Linux only: who may open a HID POS scanner. node-hid reads `/dev/hidrawN`, which udev gives to
 * root alone; this rule hands the scanners (by USB vendor) to the user at the desk's seat
 * (`uaccess`, through systemd-logind) and to the `plugdev` group (desks without a logind seat,
 * e.g. a kiosk user). Only scanner vendors are listed — a rule for every hidraw device would let
 * any program read keyboards too.
 *
 * The desk settings show `udevRule` and `udevRuleFile` when a scanner's state is `error` with
 * problem `permission_denied`. The file name sorts before 73-seat-late.rules, where `uaccess`
 * takes effect.
 *
 * Pure text in shared/: the renderer shows it and may not import electron/, which re-exports it
 * (`electron/hid/udev-rule.ts`), so both show the one rule.
 */

export const udevRuleFile = '/etc/udev/rules.d/70-kvikdesk-hid-pos-scanners.rules';

/** USB vendor ids of scanner makers whose scanners speak HID POS. Add others from `lsusb`. */
export const scannerVendorIds: Readonly<Record<string, string>> = {
  '0c2e': 'Honeywell (Metrologic, Hand Held Products)',
  '05e0': 'Zebra (Symbol Technologies)',
};

export function udevRuleFor(vendorIds: Readonly<Record<string, string>>): string {
  const lines = Object.entries(vendorIds).map(
    ([vendor, maker]) => `# ${maker}\nKERNEL=="hidraw*", SUBSYSTEM=="hidraw", ATTRS{idVendor}=="${vendor}", MODE="0660", GROUP="plugdev", TAG+="uaccess"`,
  );
  return [
    `# ${udevRuleFile}`,
    '# Kvikdesk: let the desk user read USB HID point-of-sale barcode scanners (usage page 0x8C).',
    '# Save as the file named above (as root), run `sudo udevadm control --reload`, then replug the scanner.',
    '# Another make of scanner: add a line with its vendor id (the first half of its ID in `lsusb`).',
    ...lines,
    '',
  ].join('\n');
}

export const udevRule = udevRuleFor(scannerVendorIds);

/**
 * The Linux access rule for HID POS scanners. The text lives in shared/ so the desk settings in the
 * renderer (which may not import electron/) show the very rule this folder documents.
 */
export { scannerVendorIds, udevRule, udevRuleFile, udevRuleFor } from '../../shared/scan/udev-rule';

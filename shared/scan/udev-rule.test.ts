import { describe, expect, it } from 'vitest';
import { scannerVendorIds, udevRule, udevRuleFile, udevRuleFor } from './udev-rule';

describe('udevRule', () => {
  it('grants hidraw access per scanner vendor, to the seat user and plugdev', () => {
    const rules = udevRule.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(rules).toHaveLength(Object.keys(scannerVendorIds).length);
    for (const rule of rules) {
      expect(rule).toMatch(/^KERNEL=="hidraw\*", SUBSYSTEM=="hidraw", ATTRS\{idVendor\}=="[0-9a-f]{4}", MODE="0660", GROUP="plugdev", TAG\+="uaccess"$/);
    }
    expect(udevRule).toContain(udevRuleFile);
    // Sorted before 73-seat-late.rules, where uaccess is applied.
    expect(udevRuleFile).toMatch(/\/70-[^/]+\.rules$/);
  });

  it('takes other vendors', () => {
    expect(udevRuleFor({ '1a2b': 'Example' })).toContain('ATTRS{idVendor}=="1a2b"');
  });
});

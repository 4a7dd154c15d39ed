/** What the main process needs from electron/hid: see README.md. */
export { createScannerService, type ScannerProblem, type ScannerService, type ScannerServiceOptions } from './scanner-service';
export { createNodeHidBackend, type NodeHidBackendOptions } from './node-hid-backend';
export { FakeHidBackend } from './fake-hid-backend';
export { HidOpenError, isBarcodeScanner, type HidBackend, type HidDeviceInfo, type HidHandle, type HidHandleEvents } from './hid-backend';
export { udevRule, udevRuleFile, udevRuleFor, scannerVendorIds } from './udev-rule';

import type { AppInfo, ScannerStatus, SecretName } from '../../shared/ipc/contract';
import type { ScanEvent } from '../../shared/scan/scan-event';

/**
 * Everything the renderer needs from where it runs. The UI never asks whether it is in Electron:
 * `electron.ts` implements this over the preload bridge, `web.ts` with web APIs for plain
 * Chromium, `fake.ts` for tests. One is picked at start-up (`index.ts`).
 */
export interface PlatformCapabilities {
  hidScanners: boolean;
}

export interface Platform {
  /**
   * What this platform can do, asked by feature rather than by name, so a new platform (or a test)
   * says what it offers and the screens follow. `hidScanners`: raw HID scanners are read (by the
   * main process); a browser cannot.
   */
  readonly capabilities: PlatformCapabilities;
  appInfo(): Promise<AppInfo>;
  /** Scans from scanners the renderer cannot see itself (raw HID, read by the main process). */
  onScan(listener: (scan: ScanEvent) => void): () => void;
  /** The raw HID scanners found, with their state, for the desk settings. */
  listScanners(): Promise<ScannerStatus[]>;
  onScannersChanged(listener: (scanners: ScannerStatus[]) => void): () => void;
  /** Print the current page (the system print dialog). */
  print(): Promise<{ printed: boolean }>;
  /** Save the current page as an A4 PDF. */
  savePdf(fileName: string): Promise<{ saved: boolean; path?: string }>;
  /** Secrets (the desk token) kept outside the renderer's storage where the platform can. */
  getSecret(name: SecretName): Promise<string | null>;
  setSecret(name: SecretName, value: string): Promise<{ encrypted: boolean }>;
  /**
   * The sync server the desk is configured for, so the platform lets the page connect there (the
   * desktop app's policy names that origin and no other). `reload`: the page must load again for
   * the new policy to apply.
   */
  allowSyncServer(url: string): Promise<{ reload: boolean }>;
}

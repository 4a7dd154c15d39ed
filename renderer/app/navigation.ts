import { createContext, useContext } from 'react';
import type { Device } from '../../shared/domain/device';
import type { LabelContent } from '../labels/label-content';
import type { ReceiptJob } from '../receipts/receipt-job';

/**
 * A screen any part of the app may send the operator to, with what it is to show: the one way to
 * open a screen from a feature (a workflow's DONE, a button, a list). The shell (`App.tsx`) opens
 * it; the detours (receipt, labels) go back to where the operator came from.
 */
export type Destination =
  /** A transfer's packing slip. */
  | { screen: 'transfer'; transferId: string }
  | { screen: 'receipt'; job: ReceiptJob }
  | { screen: 'labels'; labels: LabelContent[] }
  /** The lookup, showing this device (or empty, to search). */
  | { screen: 'lookup'; device?: Device | undefined };

export const NavigationContext = createContext<(to: Destination) => void>(() => {});

/** Opens a screen (`Destination`). */
export function useOpen(): (to: Destination) => void {
  return useContext(NavigationContext);
}

import { createContext, useContext } from 'react';
import type { LabelContent } from './label-content';

/** Opens the label screen with these labels; the app shell provides it, any screen may ask. */
export const PrintLabelsContext = createContext<(labels: LabelContent[]) => void>(() => {});

export function usePrintLabels(): (labels: LabelContent[]) => void {
  return useContext(PrintLabelsContext);
}

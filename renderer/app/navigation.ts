import { createContext, useContext } from 'react';

/** Screens a feature may send the operator to, given by the shell (`App.tsx`). */
export interface Navigation {
  openTransfer(transferId: string): void;
}

export const NavigationContext = createContext<Navigation>({ openTransfer: () => {} });

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}

/** The `:sub <name>` choice: the subscription the Vaults pane is limited to (undefined: all). */
import { createContext, useContext } from 'react';

export const SubFilterContext = createContext<string | undefined>(undefined);
export const useSubscriptionFilter = () => useContext(SubFilterContext);

/**
 * Whether the lab panel around a component is on screen (./PanelDock.tsx): a closed section, or a
 * tab not chosen on a narrow screen, is not. Components that follow the world stop following it
 * while their panel is not shown; they stay mounted (their state survives) and re-render when it
 * is shown again, since this context's change reaches them. Outside a panel (the wire page) it is
 * always true.
 */
import { createContext } from 'react';

export const PanelShownContext = createContext(true);

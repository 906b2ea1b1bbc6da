import { describe, expect, it } from 'vitest';
import { closeTab, ensureTabs, focusTerminal, MAX_TABS, openMission, openTab, setNetworkSession, showTab, toggleSplit } from './lab-actions.ts';
import { createMailwireStore } from './store.ts';

describe('lab layout actions', () => {
  it('starts with one terminal, "lab", and opens more up to the limit', () => {
    const store = createMailwireStore();
    expect(store.getState().lab).toMatchObject({ tabs: ['lab'], active: 'lab', split: null, focus: 'lab' });
    expect(openTab(store)).toBe('lab-2');
    expect(store.getState().lab).toMatchObject({ active: 'lab-2', focus: 'lab-2' });
    while (openTab(store) !== null);
    expect(store.getState().lab.tabs).toHaveLength(MAX_TABS);
  });

  it('keeps the open mission for the Connect picker, and leaves the layout as it is when it does not change', () => {
    const store = createMailwireStore();
    expect(store.getState().lab.mission).toBeNull();
    openMission(store, 'mission-auth');
    const lab = store.getState().lab;
    expect(lab.mission).toBe('mission-auth');
    openMission(store, 'mission-auth');
    expect(store.getState().lab).toBe(lab);
  });

  it('splits side by side (opening a second terminal when needed) and back', () => {
    const store = createMailwireStore();
    toggleSplit(store);
    expect(store.getState().lab).toMatchObject({ tabs: ['lab', 'lab-2'], active: 'lab', split: 'lab-2' });
    showTab(store, 'lab-2');
    expect(store.getState().lab).toMatchObject({ active: 'lab-2', split: 'lab' });
    toggleSplit(store);
    expect(store.getState().lab.split).toBeNull();
  });

  it('closing a tab keeps a valid active, split and focus; the last tab stays', () => {
    const store = createMailwireStore();
    toggleSplit(store);
    closeTab(store, 'lab-2');
    expect(store.getState().lab).toMatchObject({ tabs: ['lab'], active: 'lab', split: null, focus: 'lab' });
    closeTab(store, 'lab');
    expect(store.getState().lab.tabs).toEqual(['lab']);
    openTab(store);
    focusTerminal(store, 'lab-2');
    closeTab(store, 'lab-2');
    expect(store.getState().lab).toMatchObject({ active: 'lab', focus: 'lab' });
  });

  it('remembers each terminal\'s network session, and sets up tabs for a replay', () => {
    const store = createMailwireStore();
    setNetworkSession(store, 'lab', 'n1');
    expect(store.getState().lab.networkSessions).toEqual({ lab: 'n1' });
    expect(ensureTabs(store, 3)).toEqual(['lab', 'lab-2', 'lab-3']);
    expect(store.getState().lab.active).toBe('lab');
  });
});

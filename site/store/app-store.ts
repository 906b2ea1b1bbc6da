import { createMailwireStore } from './store.ts';

/** The one store of the page; every island on the page shares it. */
export const appStore = createMailwireStore();

// core-no-site: the core importing the UI.
import { title } from '../../site/page.ts';

export const shown = title;

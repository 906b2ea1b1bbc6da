// core-no-dom: the core importing a browser library.
import { createElement } from 'react';

export const element = createElement;

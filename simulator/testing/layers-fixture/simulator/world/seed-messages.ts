export const seeds = ['a message'];

export const history: string[] = [];

export const world = { hosts: [] as string[] };

/**
 * The World: the mail store, the hosts, their DNS and the outbound queue, the default world, and
 * the World saved and loaded as JSON. The site's entry point (world/ports.ts, the port facts, is
 * read directly by pages that need only the table).
 */
export type { HostConfig } from './host.ts';
export { deserializeWorld, type SerializedWorld, serializeWorldBytes, worldFromJson, worldToJson } from './serialize.ts';
export { defaultWorld, type World } from './world.ts';

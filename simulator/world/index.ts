/**
 * The World: the mail store, the hosts, their DNS and the outbound queue, the default world, and
 * the World saved and loaded as JSON, and the port facts. The site's entry point: the site imports
 * these modules (not others of world/), each on its own so a page that needs only the port table
 * does not load the World.
 */
export type { HostConfig } from './host.ts';
export { deserializeWorld, type SerializedWorld, serializeWorldBytes, worldFromJson, worldToJson } from './serialize.ts';
export { defaultWorld, type World } from './world.ts';
export { MAIL_PORTS, type MailProtocol, PORT_FACTS, portFacts, type PortFacts, type PortRole, portSpec, type PortSpec, type TlsMode } from './ports.ts';

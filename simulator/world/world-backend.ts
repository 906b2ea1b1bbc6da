/**
 * The world's mail backend: the engines' narrow view (simulator/backend.ts) of the shared store
 * and the outbound queue. Login times live in the store beside the maildrop locks, so they
 * hold across connections just as the locks do.
 */
import type { MailBackend, OutboundMessage } from '../backend.ts';
import type { World } from './world.ts';

export function worldBackend(world: World): MailBackend {
  const store = world.store;
  return {
    authenticate: (login, password, domains) => store.authenticate(login, password, domains),
    resolveLogin: (login, domains) => store.resolveLogin(login, domains),
    account: (address) => store.account(address),
    accountsOf: (domain) => [...store.accounts.values()].filter((a) => a.domain === domain).sort((a, b) => a.address.localeCompare(b.address)),
    lock: (address, holder) => store.lock(address, holder),
    unlock: (address, holder) => store.unlock(address, holder),
    lastLogin: (address) => store.lastLogin(address),
    recordLogin: (address, at) => store.recordLogin(address, at),
    mailbox: (address, name) => store.mailbox(address, name),
    createMailbox: (...args) => store.createMailbox(...args),
    deleteMailbox: (...args) => store.deleteMailbox(...args),
    renameMailbox: (...args) => store.renameMailbox(...args),
    setSubscribed: (...args) => store.setSubscribed(...args),
    append: (...args) => store.append(...args),
    setFlags: (...args) => store.setFlags(...args),
    expunge: (...args) => store.expunge(...args),
    copy: (...args) => store.copy(...args),
    move: (...args) => store.move(...args),
    relay: (message: OutboundMessage) => {
      world.queue.push(message);
    },
  };
}

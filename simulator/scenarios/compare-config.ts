/** Who and where the compare scenario's machines are; no code, so pages can read it without loading the clients. */
export const SCENARIO = {
  host: 'mail.example.com',
  users: { pop3: 'alice-pop3@example.com', imap: 'alice-imap@example.com' },
  password: 'wonderland',
  template: 'alice@example.com',
  sender: { address: 'carol@example.com', password: 'singer' },
  /** Where each machine sits (TEST-NET-3, RFC 5737), as the servers' session logs show it. */
  addresses: { pop3: { laptop: '203.0.113.21', phone: '203.0.113.22' }, imap: { laptop: '203.0.113.31', phone: '203.0.113.32' }, sender: '203.0.113.40' },
} as const;

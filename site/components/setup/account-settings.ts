/** What a learner types into a mail program's account dialog: the data the setup page and its exercises share. */
export type AccountProtocol = 'imap' | 'pop3' | 'smtp';
/** The three choices of every mail program's "Connection security" menu. */
export type Security = 'none' | 'starttls' | 'tls';

export interface AccountSettings {
  protocol: AccountProtocol;
  server: string;
  port: number;
  security: Security;
  user: string;
  password: string;
}

/**
 * One browser's session through the relay: a WebSocket on one side, one TCP (or TLS) connection
 * to a mail server on the other. Control messages are JSON text frames; stream bytes are binary.
 */
import { connect as tcpConnect, type Socket } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, rootCertificates, type TLSSocket } from 'node:tls';
import type { WebSocket } from 'ws';
import { addressAllowed, formatIPv4, isAddressLiteral, parseIPv4 } from '../address-policy.ts';
import { parseBrowserMessage, type BrowserMessage, type RelayErrorCode, type RelayMessage } from '../relay-protocol.ts';
import { caRootsBase64 } from './ca-file.ts';
import { chainOf, summarize } from './certificate-summary.ts';
import type { RelayMetrics } from './metrics.ts';
import { HIGH_WATER, LOW_WATER, SOCKET_MARK, type Held } from './flow-control.ts';
import { hostAllowed, type RelayOptions } from './options.ts';

export type Resolver = (host: string) => Promise<string[]>;

/** Node's stream options for the servers' sockets (flow-control.ts, SOCKET_MARK). */
const buffering = { highWaterMark: SOCKET_MARK };

export interface SessionHooks {
  resolve: Resolver;
  metrics: RelayMetrics;
  onEnd: (log: SessionLog) => void;
  /** Sees every stream byte the relay forwards, as forwarded (tests: what a relay operator could read). */
  tap?: (direction: 'up' | 'down', bytes: Uint8Array) => void;
}

export interface SessionLog {
  time: string;
  client: string;
  target: string | null;
  address: string | null;
  bytesUp: number;
  bytesDown: number;
  durationMs: number;
  outcome: string;
  /** The relay error code the session ended on, if any. */
  code: RelayErrorCode | null;
}

const NO_TERMINATE =
  'this relay never decrypts sessions (it runs with --no-terminate): TLS must run in the page, end to end with the server, and a server that only speaks TLS 1.2 cannot be reached through it';

type SessionState = 'idle' | 'connecting' | 'open' | 'upgrading' | 'closed';

export class RelaySession {
  private state: SessionState = 'idle';
  private socket: Socket | TLSSocket | null = null;
  private target: { host: string; port: number; address: string } | null = null;
  private bytesUp = 0;
  private bytesDown = 0;
  private readonly started = Date.now();
  private idleTimer: NodeJS.Timeout | null = null;
  private lastActivity = Date.now();
  private readonly lifeTimer: NodeJS.Timeout;
  private heldDuringUpgrade: Buffer[] = [];
  /** Server bytes given to the WebSocket and not yet flushed to the browser's connection. */
  private unflushed = 0;
  /** The server's socket is paused: the browser reads more slowly than the server sends. */
  private serverPaused = false;
  /** The WebSocket is paused: the server reads more slowly than the browser sends. */
  private browserPaused = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly client: string,
    private readonly options: RelayOptions,
    private readonly hooks: SessionHooks,
  ) {
    this.lifeTimer = setTimeout(() => this.fail('LIMIT', `sessions last at most ${Math.round(options.limits.maxSessionMs / 60000)} minutes`), options.limits.maxSessionMs);
    this.touch();
    ws.on('message', (data: Buffer, isBinary: boolean) => this.onFrame(data, isBinary));
    ws.on('close', () => this.end('client', 'the browser closed the session'));
    ws.on('error', () => this.end('client', 'the WebSocket failed'));
    // What the page needs to run TLS itself: whether we would, and the roots we were given.
    this.send({ type: 'hello', terminates: options.terminate, roots: caRootsBase64(options.ca) });
  }

  private send(message: RelayMessage): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(message));
  }

  /** Notes traffic; one timer re-arms itself, so a busy session costs no timer churn per frame. */
  private touch(): void {
    this.lastActivity = Date.now();
    if (this.idleTimer) return;
    const check = () => {
      const idle = Date.now() - this.lastActivity;
      if (idle >= this.options.limits.idleMs) this.fail('TIMEOUT', `no traffic for ${Math.round(this.options.limits.idleMs / 1000)} seconds`);
      else this.idleTimer = setTimeout(check, this.options.limits.idleMs - idle);
    };
    this.idleTimer = setTimeout(check, this.options.limits.idleMs);
  }

  private onFrame(data: Buffer, isBinary: boolean): void {
    if (this.state === 'closed') return;
    this.touch();
    if (isBinary) return this.onBytes(data);
    const message = parseBrowserMessage(data.toString('utf8'));
    if (typeof message === 'string') return this.fail('PROTOCOL', message);
    this.onControl(message);
  }

  private onBytes(data: Buffer): void {
    if (data.length > this.options.limits.maxFrame) return this.fail('LIMIT', `a frame of ${data.length} bytes is over the ${this.options.limits.maxFrame}-byte limit`);
    if (!this.countBytes(data.length, 'up')) return;
    if (this.state === 'upgrading') this.heldDuringUpgrade.push(data);
    else if (this.state === 'open' && this.socket) {
      this.hooks.tap?.('up', data);
      this.writeToServer(this.socket, data);
    }
    else this.fail('PROTOCOL', 'bytes sent before a connection was open');
  }

  /** Backpressure towards the server: stop reading the WebSocket until the TCP socket drains. */
  private writeToServer(socket: Socket | TLSSocket, data: Buffer): void {
    if (socket.write(data) || this.browserPaused) return;
    this.browserPaused = true;
    this.hooks.metrics.backpressurePauses.inc({ paused: 'browser' });
    this.ws.pause();
    socket.once('drain', () => this.resumeBrowser());
  }

  private resumeBrowser(): void {
    if (!this.browserPaused) return;
    this.browserPaused = false;
    this.ws.resume();
  }

  /** Backpressure towards the browser: pause the server's socket while the WebSocket is behind. */
  private sendToBrowser(socket: Socket | TLSSocket, chunk: Buffer): void {
    this.unflushed += chunk.length;
    this.ws.send(chunk, { binary: true }, () => {
      this.unflushed -= chunk.length;
      if (this.serverPaused && this.unflushed <= LOW_WATER) {
        this.serverPaused = false;
        if (this.socket === socket) socket.resume();
      }
    });
    if (!this.serverPaused && this.unflushed > HIGH_WATER) {
      this.serverPaused = true;
      this.hooks.metrics.backpressurePauses.inc({ paused: 'server' });
      socket.pause();
    }
  }

  /** What this session holds now (the browser socket's own read buffer is counted by the server). */
  held(): Held {
    const socket = this.socket;
    return {
      toBrowser: this.unflushed + (socket?.readableLength ?? 0),
      toServer: (socket?.writableLength ?? 0) + this.heldDuringUpgrade.reduce((n, b) => n + b.length, 0),
    };
  }

  /** Relay restarting (SIGTERM): say so, so the learner knows why the session will end. */
  announceRestart(seconds: number): void {
    this.send({ type: 'restarting', seconds, message: `The relay is restarting: this session closes in ${seconds} seconds. Connect again in a moment.` });
  }

  private countBytes(n: number, direction: 'up' | 'down'): boolean {
    if (direction === 'up') this.bytesUp += n;
    else this.bytesDown += n;
    (direction === 'up' ? this.hooks.metrics.bytesUp : this.hooks.metrics.bytesDown).inc(n);
    if (this.bytesUp + this.bytesDown > this.options.limits.maxBytes) {
      this.fail('LIMIT', `this session relayed more than ${this.options.limits.maxBytes} bytes`);
      return false;
    }
    return true;
  }

  private onControl(message: BrowserMessage): void {
    if (message.type === 'close') return this.end('client', 'the browser asked to close');
    if (message.type === 'starttls') {
      if (!this.options.terminate) return this.fail('POLICY_TLS', NO_TERMINATE);
      if (this.state !== 'open' || !this.socket || 'encrypted' in this.socket) return this.fail('PROTOCOL', 'starttls needs an open plaintext connection');
      return this.upgrade();
    }
    if (this.state !== 'idle') return this.fail('PROTOCOL', 'one connection per session: this one is already connected');
    if (message.tls === 'implicit' && !this.options.terminate) return this.fail('POLICY_TLS', NO_TERMINATE);
    void this.open(message.host, message.port, message.tls);
  }

  private async open(host: string, port: number, tls: 'none' | 'implicit'): Promise<void> {
    this.state = 'connecting';
    const { options } = this;
    if (!options.allowPorts.includes(port)) return this.fail('POLICY_PORT', `port ${port} is not a mail port this relay serves (${options.allowPorts.join(', ')})`);
    if (!hostAllowed(host, options.allowHosts)) return this.fail('POLICY_HOST', `${host} is not on this relay's list of allowed hosts`);
    const address = await this.pickAddress(host);
    // The browser may have left during the DNS lookup: then nothing may be opened (issue 19).
    if (!address || this.state !== 'connecting') return;
    this.target = { host, port, address };
    const servername = isAddressLiteral(host) ? undefined : host;
    const connectStarted = performance.now();
    const socket =
      tls === 'implicit'
        ? tlsConnect({ host: address, port, servername, rejectUnauthorized: false, ca: this.trust(), ...buffering })
        : tcpConnect({ host: address, port, ...buffering });
    this.socket = socket;
    // Mail dialogues are short lines, one at a time: don't let Nagle hold them back.
    socket.setNoDelay(true);
    const timer = setTimeout(() => this.fail('TIMEOUT', `${host} port ${port} did not answer within ${options.limits.connectTimeoutMs / 1000} seconds`), options.limits.connectTimeoutMs);
    socket.once(tls === 'implicit' ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      if (this.state !== 'connecting') return;
      this.hooks.metrics.connectSeconds.observe((performance.now() - connectStarted) / 1000);
      this.state = 'open';
      this.send({ type: 'connected', address, port });
      if (tls === 'implicit') this.reportTls(socket as TLSSocket);
      this.pipeFrom(socket);
    });
    this.watch(socket, timer);
  }

  /** Resolves once and returns the exact address to connect to, so DNS rebinding cannot slip through. */
  private async pickAddress(host: string): Promise<string | null> {
    let addresses: string[];
    if (isAddressLiteral(host)) {
      const v4 = parseIPv4(host);
      addresses = [v4 !== null ? formatIPv4(v4) : host.replace(/^\[|\]$/g, '')];
    } else {
      const started = performance.now();
      try {
        addresses = await this.hooks.resolve(host);
        this.hooks.metrics.dnsSeconds.observe((performance.now() - started) / 1000);
      } catch {
        this.fail('DNS', `${host} could not be found in DNS`);
        return null;
      }
      if (!addresses.length) {
        this.fail('DNS', `${host} has no address`);
        return null;
      }
    }
    const allowed = addresses.find((a) => addressAllowed(a, this.options.allowPrivate).ok);
    if (!allowed) {
      const { cls, row } = addressAllowed(addresses[0]!, false);
      const what = row ? `in ${row.block}, ${row.name} (${row.rfc})` : `a ${cls} address`;
      this.fail('POLICY_ADDRESS', `${host} is at ${addresses[0]}, ${what}: this relay only connects to public internet hosts`);
      return null;
    }
    return allowed;
  }

  private trust(): string[] | undefined {
    return this.options.ca ? [...rootCertificates, this.options.ca] : undefined;
  }

  private pipeFrom(socket: Socket | TLSSocket): void {
    socket.on('data', (chunk: Buffer) => {
      if (this.state !== 'open' || this.socket !== socket) return; // RFC 3207 §4.2: nothing from before the switch
      if (!this.countBytes(chunk.length, 'down')) return;
      this.touch();
      this.hooks.tap?.('down', chunk);
      this.sendToBrowser(socket, chunk);
    });
  }

  private watch(socket: Socket | TLSSocket, timer?: NodeJS.Timeout): void {
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (timer) clearTimeout(timer);
      if (this.socket !== socket) return;
      if (error.code === 'ECONNREFUSED') this.fail('REFUSED', `${this.target?.host} refused the connection on port ${this.target?.port}`);
      else if (error.code === 'ETIMEDOUT') this.fail('TIMEOUT', `${this.target?.host} did not answer`);
      else if (/SSL|TLS|certificate/i.test(`${error.code} ${error.message}`)) this.fail('TLS', `TLS failed: ${error.message}`);
      else this.fail('REFUSED', `connection failed: ${error.message}`);
    });
    socket.on('close', () => {
      if (this.socket === socket && this.state !== 'upgrading') this.end('server', 'the server closed the connection');
    });
  }

  /** STARTTLS: wrap the same TCP connection in TLS; bytes sent meanwhile wait for the handshake. */
  private upgrade(): void {
    const plain = this.socket as Socket;
    this.state = 'upgrading';
    plain.removeAllListeners('data');
    // TLS must read the handshake: the plaintext socket's pause, if any, ends here.
    this.serverPaused = false;
    plain.resume();
    this.resumeBrowser();
    const host = this.target!.host;
    const secure = tlsConnect({ socket: plain, servername: isAddressLiteral(host) ? undefined : host, rejectUnauthorized: false, ca: this.trust(), ...buffering });
    this.socket = secure;
    secure.once('secureConnect', () => {
      this.state = 'open';
      this.reportTls(secure);
      this.pipeFrom(secure);
      for (const held of this.heldDuringUpgrade) {
        this.hooks.tap?.('up', held);
        this.writeToServer(secure, held);
      }
      this.heldDuringUpgrade = [];
    });
    this.watch(secure);
  }

  private reportTls(socket: TLSSocket): void {
    const cert = socket.getPeerCertificate(true);
    const hasCert = cert && Object.keys(cert).length > 0;
    const identity = hasCert && !isAddressLiteral(this.target!.host) ? checkServerIdentity(this.target!.host, cert) : undefined;
    const chainError = socket.authorized ? null : String(socket.authorizationError ?? 'not verified');
    this.send({
      type: 'tls',
      version: socket.getProtocol() ?? 'unknown',
      cipher: socket.getCipher()?.standardName ?? socket.getCipher()?.name ?? 'unknown',
      authorized: socket.authorized && !identity,
      error: chainError ?? identity?.message ?? null,
      certificate: hasCert ? summarize(cert) : null,
      chain: hasCert ? chainOf(cert) : [],
    });
  }

  fail(code: RelayErrorCode, message: string): void {
    if (this.state === 'closed') return;
    this.send({ type: 'error', code, message });
    this.end('relay', message, code);
  }

  end(by: 'server' | 'client' | 'relay', reason: string, code: RelayErrorCode | null = null): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    if (this.idleTimer) clearTimeout(this.idleTimer);
    clearTimeout(this.lifeTimer);
    this.send({ type: 'closed', by, reason });
    this.socket?.destroy();
    if (this.ws.readyState === this.ws.OPEN) this.ws.close(1000);
    const outcome = code ?? `closed by ${by}`;
    this.hooks.metrics.ended(code ? 'error' : `closed by ${by}`, code);
    this.hooks.onEnd({
      time: new Date(this.started).toISOString(),
      client: this.client,
      target: this.target ? `${this.target.host}:${this.target.port}` : null,
      address: this.target?.address ?? null,
      bytesUp: this.bytesUp,
      bytesDown: this.bytesDown,
      durationMs: Date.now() - this.started,
      outcome,
      code,
    });
  }
}

import { applyToView, type Command, type SessionView } from '@cercle/domain';
import { PROTOCOL_VERSION, parseServerMessage, type ServerMessage } from '@cercle/protocol';
import WebSocket from 'ws';

/**
 * How long a panel waits for what it expects: a wait ends as soon as the message comes, so this
 * only bounds a failure, sized for a machine busy with other work.
 */
export const PANEL_WAIT_MS = 30_000;

/**
 * A scripted panel over a real WebSocket: it keeps every raw frame it receives and folds events
 * into its view with the domain's `applyToView`, as the real panel does.
 */
export class TestPanel {
  readonly frames: string[] = [];
  readonly messages: ServerMessage[] = [];
  view: SessionView | null = null;
  seq = 0;
  closeCode: number | null = null;
  #socket: WebSocket;
  #opened: Promise<void>;
  #waiters: Array<() => void> = [];
  #nextCommand = 0;
  // Command ids are the panel's own: unique across panels, as real panels make them.
  readonly #prefix = Math.random().toString(36).slice(2, 10);

  constructor(url: string) {
    this.#socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`);
    this.#opened = new Promise((resolve, reject) => {
      this.#socket.once('open', () => resolve());
      this.#socket.once('error', reject);
    });
    this.#socket.on('message', (data) => this.#receive(data.toString()));
    this.#socket.on('close', (code) => {
      this.closeCode = code;
      this.#notify();
    });
  }

  #receive(frame: string): void {
    this.frames.push(frame);
    const parsed = parseServerMessage(frame);
    if (!parsed.ok) throw new Error(`server sent an invalid frame: ${parsed.message}`);
    const message = parsed.value;
    this.messages.push(message);
    if (message.type === 'welcome') {
      if (message.mode === 'snapshot') {
        this.view = message.view;
        this.seq = message.seq;
      } else {
        for (const { seq, event } of message.events) {
          if (event && this.view) this.view = applyToView(this.view, event);
          this.seq = seq;
        }
      }
    } else if (message.type === 'event') {
      if (message.seq !== this.seq + 1) throw new Error(`gap: ${this.seq} then ${message.seq}`);
      if (message.event && this.view) this.view = applyToView(this.view, message.event);
      this.seq = message.seq;
    }
    this.#notify();
  }

  #notify(): void {
    for (const waiter of this.#waiters.splice(0)) waiter();
  }

  async sendRaw(frame: string): Promise<void> {
    await this.#opened;
    this.#socket.send(frame);
  }

  async hello(sessionId: string, token: string, lastSeq: number | null = null): Promise<void> {
    const from = this.messages.length;
    await this.sendRaw(
      JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, sessionId, token, lastSeq }),
    );
    await this.waitFor((m) => m.type === 'welcome' || m.type === 'error', PANEL_WAIT_MS, from);
  }

  /** Sends a command and resolves with its id. */
  async command(command: Command): Promise<string> {
    const commandId = `${this.#prefix}-${++this.#nextCommand}`;
    await this.sendRaw(JSON.stringify({ type: 'command', commandId, command }));
    return commandId;
  }

  /** Sends a command and waits until it is accepted (an event names it) or refused. */
  async run(command: Command): Promise<ServerMessage> {
    const commandId = await this.command(command);
    return this.waitFor(
      (m) =>
        (m.type === 'event' && m.commandId === commandId) ||
        ((m.type === 'rejected' || m.type === 'error') && m.commandId === commandId),
    );
  }

  /** Resolves with the first message (received so far or later) that matches. */
  waitFor(
    match: (message: ServerMessage) => boolean,
    timeoutMs = PANEL_WAIT_MS,
    fromIndex = 0,
  ): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('timed out waiting for a message')),
        timeoutMs,
      );
      const check = () => {
        const found = this.messages.slice(fromIndex).find(match);
        if (found) {
          clearTimeout(timer);
          resolve(found);
          return;
        }
        if (this.closeCode !== null) {
          clearTimeout(timer);
          reject(new Error(`socket closed (${this.closeCode}) while waiting`));
          return;
        }
        this.#waiters.push(check);
      };
      check();
    });
  }

  /** Waits until this panel's log reaches `seq`. */
  async waitForSeq(seq: number): Promise<void> {
    while (this.seq < seq) await this.waitFor(() => this.seq >= seq);
  }

  waitForClose(timeoutMs = PANEL_WAIT_MS): Promise<number> {
    return new Promise((resolve, reject) => {
      if (this.closeCode !== null) return resolve(this.closeCode);
      const timer = setTimeout(() => reject(new Error('not closed')), timeoutMs);
      this.#socket.once('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  close(): void {
    this.#socket.close();
  }

  terminate(): void {
    this.#socket.terminate();
  }
}

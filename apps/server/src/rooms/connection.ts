/** What a room needs of a socket: the socket layer adapts a WebSocket to this. */
export interface Connection {
  readonly personId: string;
  send(frame: string): void;
  close(code: number, reason: string): void;
}

/** What the heartbeat needs of a socket (a `ws` WebSocket has it). */
export interface Pingable {
  ping(): void;
  terminate(): void;
  on(event: 'pong', listener: () => void): unknown;
}

/**
 * The interval is cut into this many turns and each socket pings on its own turn: pinging ten
 * thousand sockets at once held the event loop for a few hundred milliseconds every interval,
 * which is what every panel's next event then waited for.
 */
export const HEARTBEAT_SLICES = 30;

export interface Heartbeat {
  /** Starts pinging a socket that just connected. */
  watch(socket: Pingable): void;
  stop(): void;
}

/**
 * Pings every socket once per `intervalMs` and cuts one that has not answered its previous ping,
 * so half-open connections (a laptop closed mid-meeting) do not linger.
 */
export function startHeartbeat(
  sockets: () => Iterable<Pingable>,
  intervalMs: number,
  slices: number = HEARTBEAT_SLICES,
): Heartbeat {
  const turnOf = new WeakMap<Pingable, number>();
  const answered = new WeakMap<Pingable, boolean>();
  let nextTurn = 0;
  let turn = 0;
  const timer = setInterval(() => {
    turn = (turn + 1) % slices;
    for (const socket of sockets()) {
      if (turnOf.get(socket) !== turn) continue;
      if (answered.get(socket) === false) {
        socket.terminate();
        continue;
      }
      answered.set(socket, false);
      socket.ping();
    }
  }, intervalMs / slices);
  timer.unref();
  return {
    watch(socket) {
      turnOf.set(socket, nextTurn);
      nextTurn = (nextTurn + 1) % slices;
      answered.set(socket, true);
      socket.on('pong', () => answered.set(socket, true));
    },
    stop: () => clearInterval(timer),
  };
}

import { type WebSocket, WebSocketServer } from 'ws';

// The baseline: relays every frame to the room it came from, with no validation and no storage.
const port = Number(process.argv[2] ?? 0);
const rooms = new Map<string, Set<WebSocket>>();
const server = new WebSocketServer({ port, host: '127.0.0.1' });
server.on('connection', (socket, request) => {
  const room = new URL(request.url ?? '/', 'http://x').searchParams.get('room') ?? '';
  let members = rooms.get(room);
  if (!members) {
    members = new Set();
    rooms.set(room, members);
  }
  members.add(socket);
  socket.on('message', (data, isBinary) => {
    for (const member of members) member.send(data, { binary: isBinary });
  });
  socket.on('close', () => members.delete(socket));
});
server.on('listening', () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

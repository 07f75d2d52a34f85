/**
 * Bare Socket.IO fan-out ceiling: a Fastify server with Socket.IO attached and nothing else;
 * POST /broadcast emits the posted payload as `ticket:called` to every connected client.
 */
import Fastify from 'fastify';
import { Server } from 'socket.io';

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
const io = new Server(app.server, { serveClient: false });
app.post('/broadcast', async (request) => {
  io.emit('ticket:called', request.body);
  return { ok: true };
});
app.get('/health', async () => ({ ok: true }));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening ${url}`);

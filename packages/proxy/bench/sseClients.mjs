// Child process of `events.bench.ts`: many browsers reading `GET /events` at once, kept apart
// from the process that posts the webhooks so that each has a core's share. Args: the proxy's
// URL, the number of connections, the number of messages that will be sent (ids 1..n).
// It notes when each connection received each message (`messageId` of the event, epoch ms with
// sub-millisecond precision: the same clock as the poster's, on one machine).
// IPC: sends { type: 'ready' } once every connection is open; on { type: 'collect' } answers
// { type: 'received', times: Float64Array (connection × message, NaN: never), broken, cpuMs }.
import { Agent, get } from 'node:http';

const [url, countText, messagesText] = process.argv.slice(2);
const count = Number(countText);
const messages = Number(messagesText);
const times = new Float64Array(count * messages).fill(Number.NaN);
const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
const MESSAGE_ID = '"messageId":';
let open = 0;
let broken = 0;

function connect(index) {
  const request = get(`${url}/events`, { agent, headers: { accept: 'text/event-stream' } }, (response) => {
    if (response.statusCode !== 200) {
      broken++;
      response.resume();
      return;
    }
    response.setEncoding('utf8');
    let rest = '';
    let counted = false;
    response.on('data', (chunk) => {
      const now = performance.timeOrigin + performance.now();
      if (!counted) {
        counted = true;
        if (++open === count) process.send({ type: 'ready' });
      }
      // Whole frames only: a chunk may end inside one.
      const text = rest + chunk;
      const end = text.lastIndexOf('\n\n');
      rest = end < 0 ? text : text.slice(end + 2);
      if (end < 0) return;
      for (let at = text.indexOf(MESSAGE_ID); at >= 0 && at < end; at = text.indexOf(MESSAGE_ID, at + 1)) {
        const id = Number.parseInt(text.slice(at + MESSAGE_ID.length, at + MESSAGE_ID.length + 12), 10);
        if (id >= 1 && id <= messages) times[index * messages + id - 1] = now;
      }
    });
    response.on('close', () => {
      if (!response.complete) broken++;
    });
  });
  request.on('error', () => broken++);
}

for (let i = 0; i < count; i++) connect(i);
process.on('message', (message) => {
  if (message.type !== 'collect') return;
  const { user, system } = process.cpuUsage();
  process.send({ type: 'received', times, broken, cpuMs: (user + system) / 1000 });
});

// The peer of the planner benchmark: a plain `ws` echo server on port 0 (prints its port).
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false, maxPayload: 4 * 1024 * 1024 });
wss.on('connection', (ws) => ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })));
wss.on('listening', () => console.log(`echo listening on ${wss.address().port}`));
process.on('SIGTERM', () => process.exit(0));

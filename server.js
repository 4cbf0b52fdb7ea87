// The app's HTTP server (npm start): adapter-node's handler (build/handler.js) behind a limit on request
// bodies that is not the same for every route. adapter-node has one BODY_SIZE_LIMIT for all of them,
// and the upload route (POST /api/imports) must take files of up to ATTENDANCE_MAX_UPLOAD_MB, which it
// streams to a temp file and counts itself. So SvelteKit is given no limit, and this server holds every
// other request to BODY_SIZE_LIMIT (default 512K, as adapter-node's) before the app sees it:
//   - a Content-Length over the limit: 413, at once;
//   - a body without a Content-Length (chunked): 411 (browsers send one with every form and fetch).
// A request answered before its body was read (refused here, by the app's hooks or by a route) has the
// rest of its body read and dropped (up to 1 GB and 30 s), so that the client, still sending, reads the
// answer rather than a connection reset by unread bytes.
// PORT (3000), HOST (0.0.0.0), ORIGIN and the other adapter-node variables work as with `node build`.
import http from 'node:http';
import process from 'node:process';

const UPLOAD_PATH = '/api/imports';
const LINGER = { bytes: 1024 ** 3, ms: 30_000 };

const limit = bytes(process.env.BODY_SIZE_LIMIT ?? '512K');
if (Number.isNaN(limit)) throw new Error(`Invalid BODY_SIZE_LIMIT: '${process.env.BODY_SIZE_LIMIT}' (a number of bytes, or with K, M or G)`);
// read by build/handler.js when it loads: bodies are limited here, route by route
process.env.BODY_SIZE_LIMIT = 'Infinity';
const { handler } = await import('./build/handler.js');

const server = http.createServer((req, res) => {
	res.once('finish', () => {
		if (!req.complete) drop(req);
	});
	const refusal = isUpload(req) ? null : bodyRefusal(req);
	if (refusal) return refuse(req, res, refusal.status, refusal.message);
	handler(req, res, () => res.writeHead(404).end('Not found'));
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

// SIGTERM / SIGINT: stop taking connections and exit once the requests under way have been answered
// (or after SHUTDOWN_TIMEOUT seconds, default 30); a second signal exits at once. An import cut short
// rolls back whole (see README: kill-safe imports).
let stopping = false;
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
	process.on(signal, () => {
		if (stopping) process.exit(1);
		stopping = true;
		server.close(() => process.exit(0));
		server.closeIdleConnections();
		setTimeout(() => process.exit(0), Number(process.env.SHUTDOWN_TIMEOUT ?? 30) * 1000).unref();
	});
}

/** @param {http.IncomingMessage} req */
function isUpload(req) {
	return req.method === 'POST' && (req.url ?? '').split('?')[0] === UPLOAD_PATH;
}

/**
 * Why a request's body is refused before the app sees it, if it is.
 * @param {http.IncomingMessage} req
 * @returns {{ status: number; message: string } | null}
 */
function bodyRefusal(req) {
	const length = req.headers['content-length'];
	if (length !== undefined) {
		const size = Number(length);
		if (size > limit) return { status: 413, message: `The request's body (${sizeText(size)}) is larger than the ${sizeText(limit)} this server accepts (BODY_SIZE_LIMIT).` };
		return null;
	}
	if (req.headers['transfer-encoding'] !== undefined)
		return { status: 411, message: 'Send the request’s body with its length (Content-Length): this server does not take bodies of unknown length.' };
	return null;
}

/**
 * Answers with `status` and `message` (JSON for /api/…, as the app's own errors).
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {string} message
 */
function refuse(req, res, status, message) {
	const api = (req.url ?? '').startsWith('/api/');
	const body = api ? JSON.stringify({ message }) : `${message}\n`;
	res.writeHead(status, { 'content-type': api ? 'application/json' : 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
	res.end(body);
}

/**
 * Reads and drops the rest of the body of a request already answered (nothing reads it any more: the
 * app's reader is let go), up to LINGER, then closes the connection.
 * @param {http.IncomingMessage} req
 */
function drop(req) {
	req.removeAllListeners('data');
	let dropped = 0;
	const timer = setTimeout(() => req.destroy(), LINGER.ms);
	const stop = () => clearTimeout(timer);
	req.on('data', (chunk) => {
		dropped += chunk.length;
		if (dropped > LINGER.bytes) req.destroy();
	});
	req.once('end', stop);
	req.once('close', stop);
	req.once('error', stop);
	req.resume();
}

/**
 * A size as BODY_SIZE_LIMIT gives it: bytes, or with K, M or G (adapter-node's reading), or Infinity.
 * @param {string} text
 */
function bytes(text) {
	const multiplier = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[text.at(-1)?.toUpperCase() ?? ''];
	return multiplier ? Number(text.slice(0, -1)) * multiplier : Number(text);
}

/** @param {number} n */
function sizeText(n) {
	if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
	if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
	return `${Math.ceil(n / 1024)} KB`;
}

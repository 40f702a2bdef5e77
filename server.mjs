// Freehold's production server: Next.js behind a small Node HTTP front that does what only the
// process owning the socket can do (`npm start` and the e2e/durability suites run this file).
//
// - Client address: taken from the socket. X-Forwarded-For/-Proto are honoured only when the socket
//   belongs to a TRUSTED_PROXIES entry (walking X-Forwarded-For from the right past trusted hops);
//   otherwise a client could pick its own rate-limit bucket or lock out someone else's. The result
//   goes to the x-freehold-client-ip header (a client's own value is dropped), which better-auth's
//   rate limit and the logs read.
// - Request id: X-Request-Id from a trusted proxy, else a new UUID; sent back on the response and
//   written on every log line (pino, JSON lines on stdout).
// - Body size: a declared Content-Length above lib/limits.json's limit gets 413 before Next reads
//   it; a body without a Content-Length (chunked) gets 411, so no body escapes the limit.
// - Start-up: Next's instrumentation (instrumentation.ts) opens the database during prepare(); a
//   server that cannot (e.g. a PGlite directory held by another process) exits non-zero with the
//   reason before it listens.
// - SIGTERM/SIGINT: stop accepting, let /api/health answer 503 so a load balancer drains us, finish
//   in-flight requests (up to FREEHOLD_SHUTDOWN_TIMEOUT_MS, default 25 s), close the database, exit 0.
//
// Usage: node server.mjs [-p port] [-H host]   (PORT / HOSTNAME env too; defaults 3000 / 0.0.0.0)
import http from "node:http";
import net from "node:net";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import pino from "pino";

const require = createRequire(import.meta.url);
const { maxRequestBodyBytes } = require("./lib/limits.json");
const dir = path.dirname(fileURLToPath(import.meta.url));
const log = pino({ base: { service: "freehold", pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime, level: process.env.LOG_LEVEL || "info" });

function arg(flag, fallback) {
  const i = process.argv.indexOf(flag);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const port = Number(arg("-p", process.env.PORT || "3000"));
const hostname = arg("-H", process.env.HOSTNAME || "0.0.0.0");
const shutdownTimeoutMs = Number(process.env.FREEHOLD_SHUTDOWN_TIMEOUT_MS || 25_000);
const CLIENT_IP_HEADER = "x-freehold-client-ip";
const DRAINING = Symbol.for("freehold.draining");

/** TRUSTED_PROXIES as a BlockList; exits on a malformed entry rather than trusting nothing silently. */
function trustedProxies() {
  const list = new net.BlockList();
  const entries = (process.env.TRUSTED_PROXIES || "").split(",").map((s) => s.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, prefix] = entry.split("/");
    const family = net.isIP(address);
    if (!family) fail(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range.`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
    // An IPv4 proxy may also reach us as an IPv4-mapped IPv6 socket address (::ffff:a.b.c.d).
  }
  return { list, count: entries.length };
}

function fail(message, err) {
  log.fatal({ err }, message);
  process.exit(1);
}

const unmap = (ip) => (ip && ip.startsWith("::ffff:") && net.isIPv4(ip.slice(7)) ? ip.slice(7) : ip);
const { list: trusted, count: trustedCount } = trustedProxies();
const isTrusted = (ip) => trustedCount > 0 && !!ip && net.isIP(ip) !== 0 && trusted.check(ip, net.isIPv4(ip) ? "ipv4" : "ipv6");
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's address: the socket's, or, behind trusted proxies, the last untrusted X-Forwarded-For hop. */
function clientAddress(req) {
  const socketIp = unmap(req.socket.remoteAddress || "");
  if (!isTrusted(socketIp)) return { ip: socketIp, viaProxy: false };
  const hops = String(req.headers["x-forwarded-for"] || "").split(",").map((s) => unmap(s.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (!net.isIP(hop)) break; // garbage in the chain: stop at the last hop we could check
    if (!isTrusted(hop)) return { ip: hop, viaProxy: true };
  }
  return { ip: socketIp, viaProxy: true };
}

const app = next({ dev: false, dir, hostname, port });
try {
  // Runs instrumentation.ts register(): opens the database or exits with the reason.
  await app.prepare();
} catch (err) {
  fail(`Freehold could not start: ${err instanceof Error ? err.message : String(err)}`, err);
}
const handle = app.getRequestHandler();
// Next runs register() in the background of prepare(): wait for its database check before listening.
for (let waited = 0; !globalThis[Symbol.for("freehold.startupCheck")] && waited < 60_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
await globalThis[Symbol.for("freehold.startupCheck")];
let draining = false;

const server = http.createServer((req, res) => {
  const started = process.hrtime.bigint();
  const { ip, viaProxy } = clientAddress(req);
  const incomingId = viaProxy ? String(req.headers["x-request-id"] || "") : "";
  const reqId = REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
  if (!viaProxy) {
    // A client talking to us directly may not speak for a proxy: Next fills these from the socket.
    for (const h of ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "x-real-ip", "forwarded"]) delete req.headers[h];
  }
  req.headers[CLIENT_IP_HEADER] = ip;
  req.headers["x-request-id"] = reqId;
  res.setHeader("X-Request-Id", reqId);
  if (draining) res.setHeader("Connection", "close");
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const line = { reqId, method: req.method, path: (req.url || "").split("?")[0], status: res.statusCode, ms: Math.round(ms * 10) / 10, ip };
    if (res.statusCode >= 500) log.error(line, "request failed");
    else log.info(line, "request");
  });

  // Browsers always state a body's length (fetch with a string or FormData, form posts). A body
  // without one (chunked) could only be measured after Next had read it, past the limit; refuse it.
  if (req.headers["transfer-encoding"] && req.headers["content-length"] === undefined) {
    res.writeHead(411, { "Content-Type": "application/json", Connection: "close" });
    res.end(JSON.stringify({ error: "length_required", message: "Send the request body with a Content-Length header." }));
    req.resume();
    return;
  }
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxRequestBodyBytes) {
    const mb = (maxRequestBodyBytes / 1024 / 1024).toFixed(0);
    res.writeHead(413, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ error: "payload_too_large", message: `The request body is too large (${declared.toLocaleString("en-US")} bytes); the limit is ${mb} MB.` }));
    // Read and discard the body so the client, still sending, gets the answer instead of a reset;
    // a sender that keeps going past twice the limit is cut off.
    let discarded = 0;
    req.on("data", (chunk) => {
      discarded += chunk.length;
      if (discarded > 2 * maxRequestBodyBytes) req.socket.destroy();
    });
    return;
  }
  handle(req, res).catch((err) => {
    log.error({ err, reqId }, "unhandled error");
    if (!res.headersSent) {
      res.writeHead(500, { "Content-Type": "text/plain" });
      res.end(`Internal error (reference ${reqId}).`);
    }
  });
});
server.keepAliveTimeout = 65_000; // longer than common load balancers' idle timeout (60 s)
server.headersTimeout = 66_000;
server.requestTimeout = 120_000;

server.on("error", (err) => fail(`Freehold could not listen on ${hostname}:${port}: ${err.message}`, err));
server.listen(port, hostname, () => log.info({ port, hostname, trustedProxies: trustedCount }, `Freehold ready on http://${hostname}:${port}`));

async function shutdown(signal) {
  if (draining) return;
  draining = true;
  globalThis[DRAINING] = true;
  log.info({ signal }, "shutting down: finishing in-flight requests");
  const timer = setTimeout(() => {
    log.error({ timeoutMs: shutdownTimeoutMs }, "in-flight requests did not finish in time; closing connections");
    server.closeAllConnections();
    process.exit(1);
  }, shutdownTimeoutMs);
  timer.unref();
  await new Promise((resolve) => {
    server.close(resolve);
    // Keep-alive connections become idle as their last response ends: close them as they do.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    sweep.unref();
    server.closeIdleConnections();
  });
  try {
    await app.close();
    const close = globalThis[Symbol.for("freehold.closeDatabase")];
    if (typeof close === "function") await close();
  } catch (err) {
    log.error({ err }, "error while closing");
  }
  log.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

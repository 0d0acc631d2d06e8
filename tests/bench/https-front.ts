// The app is always served over HTTPS in production (its session cookie is Secure) by a TLS front (load
// balancer, nginx, Caddy) that speaks HTTP/2 to browsers and HTTP/1.1 to the app (README, TRUST_PROXY). This is
// such a front for the bench, so Lighthouse can measure the lesson page as a phone receives it: one connection
// carrying every script at once, where plain HTTP/1.1 queues them six at a time. Self-signed, for localhost only.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import http2 from "node:http2";
import path from "node:path";

/** Headers that describe one hop's connection, not the message: never passed across a proxy (RFC 9110 7.6.1). */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "host"]);

export type HttpsFront = { origin: string; close(): Promise<void> };

/**
 * Starts the front in a process of its own (the bench runs Lighthouse synchronously, which would stall a front in
 * its own event loop) listening on `port` and forwarding to `backend`; resolves once it listens.
 */
export async function startHttpsFront(backend: string, port: number, workDir: string): Promise<HttpsFront> {
  const child = spawn(process.execPath, ["--import", "tsx", import.meta.filename, backend, String(port), workDir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`The HTTPS front stopped (exit ${code})`)));
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
  });
  return {
    origin: `https://localhost:${port}`,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Listens with TLS and HTTP/2 (HTTP/1.1 too, for a client without it) and forwards each request to `backend`. */
async function serveFront(backend: string, port: number, workDir: string) {
  const { key, cert } = selfSignedCertificate(workDir);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http2.createSecureServer({ key, cert, allowHTTP1: true }, (req, res) => {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!name.startsWith(":") && !HOP_BY_HOP.has(name)) headers[name] = value;
    }
    headers.host = req.headers[":authority"] ?? req.headers.host;
    headers["x-forwarded-proto"] = "https";
    const upstream = http.request(`${backend}${req.url}`, { method: req.method, headers, agent }, (answer) => {
      const out: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name)) out[name] = value;
      res.writeHead(answer.statusCode ?? 502, out);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "localhost", resolve));
  console.log(`HTTPS front listening on ${port}`);
}

/** A certificate for localhost made with the machine's openssl, kept in `workDir` between runs. */
function selfSignedCertificate(workDir: string) {
  const keyFile = path.join(workDir, "bench-tls-key.pem");
  const certFile = path.join(workDir, "bench-tls-cert.pem");
  if (!fs.existsSync(certFile)) {
    fs.mkdirSync(workDir, { recursive: true });
    const made = spawnSync(
      "openssl",
      ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "365", "-subj", "/CN=localhost"]
        .concat(["-addext", "subjectAltName=DNS:localhost", "-keyout", keyFile, "-out", certFile]),
      { encoding: "utf8" },
    );
    if (made.status !== 0) throw new Error(`openssl could not make the bench's certificate: ${made.stderr}`);
  }
  return { key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) };
}

if (process.argv[1] === import.meta.filename) {
  const [backend, port, workDir] = process.argv.slice(2);
  await serveFront(backend, Number(port), workDir);
}

// A local stand-in for the Hugging Face hub, for the tests: the API and resolve paths that
// huggingface_hub, the hub's JavaScript client (@huggingface/hub) and ViTScope call, answered
// with the real hub's status codes, headers and redirects, from checkpoint folders in tests/data.
//
//   node hubserver.mjs --data DIR --repos repos.json
// prints one line {"hub": PORT, "cdn": PORT} when both listeners are up on 127.0.0.1, and stops
// by itself after --lifetime seconds (default 600), or with --watch-stdin 1 when its standard
// input closes (the test that started it has gone).
//
// Two listeners, as on the real service: the hub (API, resolve, resolve-cache) and a "CDN" on
// another port that serves the large (LFS) files the hub redirects to with a 302; the CDN has
// ETags and lengths of its own, so a client must take the file's from the hub's headers.
// Faults per repo (repos.json): "token" (private: 401 without it), "shards" (the weights split
// into N shards with an index), "escapeShard" (the index names a file outside the repo),
// "dropAfter" (the CDN drops the first connection of each file after so many bytes),
// "stallAfter" (the CDN stops sending, without closing, once per file), "corrupt" (the CDN
// flips a byte), "bytesPerSecond" (a slow CDN), "emptyConfig" (no config.json).
// GET /_test/log lists the requests seen; POST /_test/reset forgets them and the faults' state.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, word, i, all) => (word.startsWith("--") ? [...pairs, [word.slice(2), all[i + 1]]] : pairs), []),
);
const dataDir = args.data;
const repoTable = JSON.parse(readFileSync(args.repos, "utf8"));
const lifetimeSeconds = Number(args.lifetime ?? 600);

const sha1 = (bytes) => createHash("sha1").update(bytes).digest("hex");
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");
const gitBlobSha1 = (bytes) => sha1(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]));
const isLfs = (path, bytes) => /\.(safetensors|bin|pth|pt)$/.test(path) || bytes.length > 10 * 1024 * 1024;

// safetensors: 8-byte little-endian header length, JSON header, data.
function splitSafetensors(bytes, count, shardName) {
  const headerLength = Number(bytes.readBigUInt64LE(0));
  const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString("utf8"));
  const data = bytes.subarray(8 + headerLength);
  const names = Object.keys(header).filter((name) => name !== "__metadata__");
  const shards = [];
  const weightMap = {};
  for (let s = 0; s < count; s++) {
    const mine = names.filter((_, i) => i % count === s);
    const shardHeader = header.__metadata__ ? { __metadata__: header.__metadata__ } : {};
    const pieces = [];
    let offset = 0;
    for (const name of mine) {
      const [begin, end] = header[name].data_offsets;
      shardHeader[name] = { ...header[name], data_offsets: [offset, offset + end - begin] };
      pieces.push(data.subarray(begin, end));
      offset += end - begin;
    }
    let json = Buffer.from(JSON.stringify(shardHeader), "utf8");
    json = Buffer.concat([json, Buffer.alloc((8 - (json.length % 8)) % 8, 0x20)]);
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(json.length));
    const file = shardName(s + 1, count);
    shards.push([file, Buffer.concat([length, json, ...pieces])]);
    for (const name of mine) weightMap[name] = file;
  }
  return { shards, weightMap, totalSize: data.length };
}

function buildRepo(id, spec) {
  const files = new Map();
  const folder = join(dataDir, spec.folder);
  for (const name of readdirSync(folder)) {
    if (statSync(join(folder, name)).isFile()) files.set(name, readFileSync(join(folder, name)));
  }
  if (spec.emptyConfig) files.delete("config.json");
  if (spec.shards) {
    const weights = files.get("model.safetensors");
    files.delete("model.safetensors");
    const shardName = (i, n) => `model-${String(i).padStart(5, "0")}-of-${String(n).padStart(5, "0")}.safetensors`;
    const { shards, weightMap, totalSize } = splitSafetensors(weights, spec.shards, shardName);
    for (const [name, bytes] of shards) files.set(name, bytes);
    if (spec.escapeShard) {
      const first = Object.keys(weightMap)[0];
      weightMap[first] = "../../../../escaped.safetensors";
    }
    files.set("model.safetensors.index.json", Buffer.from(JSON.stringify({ metadata: { total_size: totalSize }, weight_map: weightMap }, null, 2)));
  }
  files.set("README.md", Buffer.from(`# ${id}\nA test repo for ViTScope.\n`));
  const entries = new Map();
  for (const [path, bytes] of files) {
    const entry = { path, bytes, oid: gitBlobSha1(bytes), size: bytes.length };
    if (isLfs(path, bytes)) entry.lfs = { oid: sha256(bytes), size: bytes.length, pointerSize: 134 };
    entries.set(path, entry);
  }
  return { id, spec, commit: sha1(`commit of ${id}`), files: entries };
}

const repos = new Map(Object.entries(repoTable).map(([id, spec]) => [id, buildRepo(id, spec)]));
let log = [];
let faultsSeen = new Set();

// The hub's error answers: status, X-Error-Code, X-Error-Message and a JSON body.
function error(res, status, code, message, extra = {}) {
  const body = JSON.stringify({ error: message });
  res.writeHead(status, { "Content-Type": "application/json", "X-Error-Code": code, "X-Error-Message": message, "Content-Length": Buffer.byteLength(body), ...extra });
  res.end(body);
}

function json(res, value, extra = {}) {
  const body = JSON.stringify(value);
  res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(body), ...extra });
  res.end(body);
}

// The real hub hides a repo that the caller may not see: 401 without a token, 404 with one.
function findRepo(req, res, id, revision) {
  const repo = repos.get(id);
  const auth = req.headers.authorization;
  const allowed = repo && (!repo.spec.token || auth === `Bearer ${repo.spec.token}`);
  if (!allowed) {
    if (auth) error(res, 404, "RepoNotFound", "Repository not found");
    else error(res, 401, "RepoNotFound", "Invalid username or password.");
    return null;
  }
  if (revision !== undefined && revision !== "main" && revision !== repo.commit) {
    error(res, 404, "RevisionNotFound", `Invalid rev id: ${revision}`);
    return null;
  }
  return repo;
}

function treeEntry(repo, entry, expand) {
  const item = { type: "file", oid: entry.oid, size: entry.size, path: entry.path };
  if (entry.lfs) item.lfs = { oid: entry.lfs.oid, size: entry.lfs.size, pointerSize: entry.lfs.pointerSize };
  if (expand) item.lastCommit = { id: repo.commit, title: "Upload", date: "2026-01-01T00:00:00.000Z" };
  return item;
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

// Serves bytes with Range support; the fault hooks decide how the body is sent.
function sendBytes(req, res, bytes, headers, faults = {}) {
  let start = 0;
  let end = bytes.length - 1;
  let status = 200;
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
  if (range) {
    start = Number(range[1]);
    end = range[2] ? Math.min(Number(range[2]), bytes.length - 1) : bytes.length - 1;
    if (start >= bytes.length) {
      res.writeHead(416, { "Content-Range": `bytes */${bytes.length}` });
      return res.end();
    }
    status = 206;
    headers["Content-Range"] = `bytes ${start}-${end}/${bytes.length}`;
  }
  let body = bytes.subarray(start, end + 1);
  if (faults.corrupt && body.length > 0) {
    body = Buffer.from(body);
    body[body.length >> 1] ^= 0xff;
  }
  res.writeHead(status, { ...headers, "Accept-Ranges": "bytes", "Content-Length": body.length });
  if (req.method === "HEAD") return res.end();
  if (faults.dropAfter !== undefined) {
    res.write(body.subarray(0, faults.dropAfter));
    return setTimeout(() => res.socket.destroy(), 50);
  }
  if (faults.stallAfter !== undefined) {
    return res.write(body.subarray(0, faults.stallAfter)); // and nothing more, the socket left open
  }
  if (faults.bytesPerSecond) {
    const chunk = 16384;
    let offset = 0;
    const timer = setInterval(() => {
      if (res.destroyed || offset >= body.length) {
        clearInterval(timer);
        return res.end();
      }
      res.write(body.subarray(offset, offset + chunk));
      offset += chunk;
    }, (1000 * chunk) / faults.bytesPerSecond);
    res.on("close", () => clearInterval(timer));
    return;
  }
  res.end(body);
}

// The CDN: files by sha256, signed-looking query, its own ETag; no Authorization expected.
function handleCdn(req, res) {
  const url = new URL(req.url, "http://cdn");
  log.push({ server: "cdn", method: req.method, path: url.pathname, authorization: Boolean(req.headers.authorization), range: req.headers.range ?? null });
  const match = /^\/repos\/([^/]+)\/([^/]+)\/([0-9a-f]{64})$/.exec(url.pathname);
  const repo = match && repos.get(`${match[1]}/${match[2]}`);
  const entry = repo && [...repo.files.values()].find((file) => file.lfs?.oid === match[3]);
  if (!entry || !url.searchParams.get("X-Amz-Signature")) {
    res.writeHead(403, { "Content-Type": "application/xml" });
    return res.end("<Error><Code>AccessDenied</Code></Error>");
  }
  const faults = {};
  const key = `${repo.id}/${entry.path}`;
  const once = (name) => req.method === "GET" && !faultsSeen.has(`${name}:${key}`) && faultsSeen.add(`${name}:${key}`);
  if (repo.spec.dropAfter !== undefined && once("drop")) faults.dropAfter = repo.spec.dropAfter;
  if (repo.spec.stallAfter !== undefined && once("stall")) faults.stallAfter = repo.spec.stallAfter;
  if (repo.spec.corrupt) faults.corrupt = true;
  if (repo.spec.bytesPerSecond) faults.bytesPerSecond = repo.spec.bytesPerSecond;
  sendBytes(req, res, entry.bytes, { "Content-Type": "binary/octet-stream", ETag: `"cdn-${entry.lfs.oid.slice(0, 16)}-1"`, "Cache-Control": "public, max-age=604800" }, faults);
}

let cdnPort = 0;

async function handleHub(req, res) {
  const url = new URL(req.url, "http://hub");
  const path = decodeURIComponent(url.pathname);
  log.push({ server: "hub", method: req.method, path, authorization: Boolean(req.headers.authorization), range: req.headers.range ?? null });
  let m;
  if (path === "/_test/log") return json(res, log);
  if (path === "/_test/reset" && req.method === "POST") {
    log = [];
    faultsSeen = new Set();
    return json(res, {});
  }
  if ((m = /^\/api\/models\/([^/]+\/[^/]+)\/revision\/(.+)$/.exec(path)) && req.method === "GET") {
    const repo = findRepo(req, res, m[1], m[2]);
    if (!repo) return;
    return json(res, {
      _id: sha1(repo.id).slice(0, 24), id: repo.id, modelId: repo.id, author: repo.id.split("/")[0], sha: repo.commit,
      lastModified: "2026-01-01T00:00:00.000Z", private: Boolean(repo.spec.token), gated: false, disabled: false,
      tags: ["safetensors", "vit"], pipeline_tag: "image-classification", library_name: "transformers",
      siblings: [...repo.files.keys()].map((rfilename) => ({ rfilename })),
    });
  }
  if ((m = /^\/api\/models\/([^/]+\/[^/]+)\/tree\/([^/]+)(\/.*)?$/.exec(path)) && req.method === "GET") {
    const repo = findRepo(req, res, m[1], m[2]);
    if (!repo) return;
    const expand = url.searchParams.get("expand") === "true";
    return json(res, [...repo.files.values()].map((entry) => treeEntry(repo, entry, expand)));
  }
  if ((m = /^\/api\/models\/([^/]+\/[^/]+)\/paths-info\/(.+)$/.exec(path)) && req.method === "POST") {
    const repo = findRepo(req, res, m[1], m[2]);
    if (!repo) return;
    const body = JSON.parse((await readBody(req)) || "{}");
    const wanted = body.paths ?? [];
    return json(res, wanted.filter((p) => repo.files.has(p)).map((p) => treeEntry(repo, repo.files.get(p), body.expand)));
  }
  if ((m = /^\/api\/resolve-cache\/models\/([^/]+\/[^/]+)\/([0-9a-f]{40})\/(.+)$/.exec(path))) {
    const repo = findRepo(req, res, m[1], m[2]);
    const entry = repo?.files.get(m[3]);
    if (!repo) return;
    if (!entry) return error(res, 404, "EntryNotFound", "Entry not found", { "X-Repo-Commit": repo.commit });
    return sendBytes(req, res, entry.bytes, { "Content-Type": "text/plain; charset=utf-8", ETag: `"${entry.oid}"`, "X-Repo-Commit": repo.commit });
  }
  if ((m = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(path)) && (req.method === "GET" || req.method === "HEAD")) {
    const repo = findRepo(req, res, m[1], m[2]);
    if (!repo) return;
    const entry = repo.files.get(m[3]);
    if (!entry) return error(res, 404, "EntryNotFound", "Entry not found", { "X-Repo-Commit": repo.commit });
    const common = { "X-Repo-Commit": repo.commit, "Access-Control-Expose-Headers": "X-Repo-Commit,X-Linked-Etag,X-Linked-Size,ETag,Location" };
    if (entry.lfs) {
      const location = `http://127.0.0.1:${cdnPort}/repos/${repo.id}/${entry.lfs.oid}?X-Amz-Signature=${sha1(entry.path).slice(0, 16)}&X-Amz-Expires=3600`;
      const body = `Found. Redirecting to ${location}`;
      res.writeHead(302, { ...common, Location: location, ETag: `W/"${sha1(body).slice(0, 20)}"`, "X-Linked-Etag": `"${entry.lfs.oid}"`, "X-Linked-Size": String(entry.size), "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(body) });
      return res.end(req.method === "HEAD" ? undefined : body);
    }
    const location = `/api/resolve-cache/models/${repo.id}/${repo.commit}/${encodeURIComponent(entry.path)}?etag=%22${entry.oid}%22`;
    const body = `Temporary Redirect. Redirecting to ${location}`;
    res.writeHead(307, { ...common, Location: location, ETag: `"${entry.oid}"`, "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(body) });
    return res.end(req.method === "HEAD" ? undefined : body);
  }
  error(res, 404, "NotFound", "Not Found");
}

const hub = createServer((req, res) => handleHub(req, res).catch((e) => error(res, 500, "InternalError", String(e))));
const cdn = createServer(handleCdn);
hub.listen(0, "127.0.0.1", () => {
  cdn.listen(0, "127.0.0.1", () => {
    cdnPort = cdn.address().port;
    process.stdout.write(JSON.stringify({ hub: hub.address().port, cdn: cdnPort }) + "\n");
  });
});
const stop = () => process.exit(0);
setTimeout(stop, lifetimeSeconds * 1000).unref();
if (args["watch-stdin"] === "1") {
  process.stdin.on("end", stop);
  process.stdin.on("close", stop);
  process.stdin.resume();
}

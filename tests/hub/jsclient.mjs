// The hub's official JavaScript client on a cache folder, for tst_hub:
//   node jsclient.mjs scan CACHE                  scanCacheDir, as JSON on stdout
//   node jsclient.mjs snapshot CACHE HUB REPO     snapshotDownload from the hub at HUB; prints the folder
import { scanCacheDir, snapshotDownload } from "@huggingface/hub";

const [command, cacheDir, hubUrl, repo] = process.argv.slice(2);
console.debug = () => {}; // the client logs every file it downloads
if (command === "scan") {
  const scan = await scanCacheDir(cacheDir);
  const repos = scan.repos.map((r) => ({
    id: r.id.name,
    type: r.id.type,
    size: r.size,
    filesCount: r.filesCount,
    revisions: r.revisions.map((v) => ({
      commit: v.commitOid,
      refs: v.refs,
      size: v.size,
      files: v.files.map((f) => ({ path: f.path, blob: f.blob.path, size: f.blob.size })),
    })),
  }));
  process.stdout.write(JSON.stringify({ repos, warnings: scan.warnings.map(String) }) + "\n");
} else if (command === "snapshot") {
  const folder = await snapshotDownload({ repo, cacheDir, hubUrl });
  process.stdout.write(folder + "\n");
} else {
  process.stderr.write("usage: jsclient.mjs scan CACHE | snapshot CACHE HUB REPO\n");
  process.exit(2);
}

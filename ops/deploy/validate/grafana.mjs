// ops/deploy/validate/grafana.mjs DASHBOARD.json METERS.java... — check a Grafana dashboard offline.
//
// - parses as JSON; schemaVersion >= 36; a datasource variable DS_PROMETHEUS; unique panel ids;
//   every panel has gridPos and no two panels overlap
// - every non-row panel has a datasource (uid ${DS_PROMETHEUS}) and at least one target, and every
//   target has a refId, a datasource and a PromQL expr
// - every expr parses with Prometheus' own PromQL grammar (@prometheus-io/lezer-promql), after
//   Grafana's variables ($__rate_interval, $instance, ...) are substituted
// - every hermes_* series it reads is one the Java code registers (Micrometer names from the
//   Timer/Counter/Gauge builders in the given .java files), and every required metric is used
import fs from "node:fs";
import { parser } from "@prometheus-io/lezer-promql";

const [file, ...javaFiles] = process.argv.slice(2);
let passed = 0;
let failed = 0;
const ok = (m) => { passed++; console.log(`PASS ${m}`); };
const bad = (m) => { failed++; console.log(`FAIL ${m}`); };

const REQUIRED = [
  "hermes_ensure_seconds_bucket", "hermes_spawn_phase_seconds_bucket", "hermes_runtimes_running",
  "hermes_spawns_pending", "hermes_partition_queue_depth", "hermes_partitions_paused", "hermes_reaps_total",
  "hermes_failures_total", "hermes_recreates_total", "hermes_settings_drift_runtimes",
  "hermes_orphans_removed_total", "hermes_dlq_records_total", "hermes_consumer_lag",
  "hermes_client_ensure_seconds_bucket", "hermes_client_timeouts_total",
];

// Micrometer -> Prometheus names: dots become underscores; timers get _seconds{_bucket,_count,_sum,_max},
// counters _total, gauges nothing.
const known = new Set();
for (const jf of javaFiles) {
  const src = fs.readFileSync(jf, "utf8");
  for (const m of src.matchAll(/(Timer|Counter|Gauge)\.builder\(\s*"([a-z0-9_.]+)"/g)) {
    const base = m[2].replaceAll(".", "_");
    if (m[1] === "Timer") for (const s of ["_bucket", "_count", "_sum", "_max", ""]) known.add(`${base}_seconds${s}`);
    else if (m[1] === "Counter") known.add(`${base}_total`);
    else known.add(base);
  }
}
if (known.size > 0) ok(`meter catalogue from ${javaFiles.length} Java files: ${known.size} series names`);
else bad("no meters found in the given Java files");

let dash;
try {
  dash = JSON.parse(fs.readFileSync(file, "utf8"));
  ok(`${file} parses as JSON`);
} catch (e) {
  bad(`${file}: ${e.message}`);
  console.log(`grafana: ${passed} passed, ${failed} failed`);
  process.exit(1);
}
(dash.schemaVersion >= 36 ? ok : bad)(`schemaVersion ${dash.schemaVersion}`);
const vars = dash.templating?.list ?? [];
const ds = vars.find((v) => v.name === "DS_PROMETHEUS");
(ds && ds.type === "datasource" && ds.query === "prometheus" ? ok : bad)("datasource variable DS_PROMETHEUS (prometheus)");
for (const v of vars.filter((v) => v.type === "query")) {
  (v.datasource?.uid === "${DS_PROMETHEUS}" ? ok : bad)(`variable $${v.name} queries \${DS_PROMETHEUS}`);
}

const panels = [];
for (const p of dash.panels ?? []) { panels.push(p); for (const c of p.panels ?? []) panels.push(c); }
const ids = panels.map((p) => p.id);
(new Set(ids).size === ids.length ? ok : bad)(`${panels.length} panels, unique ids`);

const boxes = [];
const used = new Set();
const subst = (e) => e.replaceAll("$__rate_interval", "5m").replaceAll("$__interval", "1m")
  .replaceAll("$__range", "1h").replace(/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/g, ".*");
for (const p of panels) {
  const g = p.gridPos;
  if (!g || [g.x, g.y, g.w, g.h].some((n) => typeof n !== "number")) { bad(`panel ${p.id} "${p.title}": gridPos`); continue; }
  for (const b of boxes) {
    if (g.x < b.x + b.w && b.x < g.x + g.w && g.y < b.y + b.h && b.y < g.y + g.h) {
      bad(`panel ${p.id} "${p.title}" overlaps panel ${b.id}`);
    }
  }
  boxes.push({ ...g, id: p.id });
  if (p.type === "row") continue;
  const problems = [];
  if (p.datasource?.uid !== "${DS_PROMETHEUS}" || p.datasource?.type !== "prometheus") problems.push("datasource");
  const targets = p.targets ?? [];
  if (targets.length === 0) problems.push("no targets");
  const refIds = new Set();
  for (const t of targets) {
    if (!t.refId || refIds.has(t.refId)) problems.push(`refId ${t.refId}`);
    refIds.add(t.refId);
    if (t.datasource?.uid !== "${DS_PROMETHEUS}") problems.push(`target ${t.refId} datasource`);
    if (typeof t.expr !== "string" || !t.expr.trim()) { problems.push(`target ${t.refId} expr`); continue; }
    const expr = subst(t.expr);
    const tree = parser.parse(expr);
    let err = null;
    tree.iterate({ enter: (n) => { if (n.type.isError && err === null) err = n.from; } });
    if (err !== null) problems.push(`target ${t.refId} PromQL error at ${err}: ${expr}`);
    for (const m of t.expr.matchAll(/\bhermes_[a-z0-9_]+/g)) {
      used.add(m[0]);
      if (!known.has(m[0])) problems.push(`unknown series ${m[0]}`);
    }
  }
  if (problems.length === 0) ok(`panel ${p.id} "${p.title}": datasource, ${targets.length} target(s), PromQL parses, series known`);
  else bad(`panel ${p.id} "${p.title}": ${problems.join("; ")}`);
}
const missing = REQUIRED.filter((m) => !used.has(m));
(missing.length === 0 ? ok : bad)(`uses every required metric${missing.length ? `; missing ${missing.join(", ")}` : ""}`);
console.log(`grafana: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

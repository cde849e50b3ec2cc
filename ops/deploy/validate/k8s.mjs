// ops/deploy/validate/k8s.mjs FILE.yaml... — validate Kubernetes manifests offline.
//
// 1. Schema: every document is validated with kubernetes-models (the Kubernetes OpenAPI schemas
//    compiled to JSON-schema validators: types, required fields, enums, formats) and, for KEDA's
//    ScaledObject, @kubernetes-models/keda (KEDA's CRD schema).
// 2. Unknown fields: JSON schema from OpenAPI allows extra properties, but the API server (strict
//    field validation, kubectl's default) rejects them. So each document is also written out as
//    a TypeScript object literal typed with the same package's interface and compiled with tsc:
//    excess-property checks flag every unknown or misspelt field at any depth.
// Run from the folder where the packages are installed (validate.sh does this).
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import yaml from "js-yaml";

// apiVersion/kind -> [model module, class, type module, interface]
const MODELS = {
  "v1/Namespace": ["kubernetes-models/v1", "Namespace"],
  "v1/ServiceAccount": ["kubernetes-models/v1", "ServiceAccount"],
  "v1/ConfigMap": ["kubernetes-models/v1", "ConfigMap"],
  "v1/Secret": ["kubernetes-models/v1", "Secret"],
  "v1/Service": ["kubernetes-models/v1", "Service"],
  "apps/v1/Deployment": ["kubernetes-models/apps/v1", "Deployment"],
  "policy/v1/PodDisruptionBudget": ["kubernetes-models/policy/v1", "PodDisruptionBudget"],
  "batch/v1/Job": ["kubernetes-models/batch/v1", "Job"],
  "autoscaling/v2/HorizontalPodAutoscaler": ["kubernetes-models/autoscaling/v2", "HorizontalPodAutoscaler"],
  "keda.sh/v1alpha1/ScaledObject": ["@kubernetes-models/keda/keda.sh/v1alpha1", "ScaledObject"],
  "keda.sh/v1alpha1/TriggerAuthentication": ["@kubernetes-models/keda/keda.sh/v1alpha1", "TriggerAuthentication"],
};
// Not Kubernetes API objects (kustomize's own file): checked by `kubectl kustomize` instead.
const SKIP = new Set(["kustomize.config.k8s.io/v1beta1/Kustomization"]);

let passed = 0;
let failed = 0;
const ok = (m) => { passed++; console.log(`PASS ${m}`); };
const bad = (m) => { failed++; console.log(`FAIL ${m}`); };

const tsDir = fs.mkdtempSync(path.join(process.cwd(), "ts-check-"));
const tsFiles = [];

for (const file of process.argv.slice(2)) {
  let docs;
  try {
    docs = yaml.loadAll(fs.readFileSync(file, "utf8")).filter((d) => d != null);
  } catch (e) {
    bad(`${file}: YAML does not parse: ${e.message}`);
    continue;
  }
  for (const [i, doc] of docs.entries()) {
    const where = `${path.basename(file)}#${i} ${doc.kind ?? "?"}/${doc.metadata?.name ?? "?"}`;
    const key = `${doc.apiVersion}/${doc.kind}`;
    if (SKIP.has(key)) { ok(`${where}: not an API object (checked by kubectl kustomize)`); continue; }
    const entry = MODELS[key];
    if (!entry) { bad(`${where}: no schema known for ${key}`); continue; }
    if (!doc.metadata?.name) { bad(`${where}: metadata.name is required`); continue; }
    const [mod, cls] = entry;
    const Model = (await import(mod))[cls];
    try {
      new Model(doc).validate();
      ok(`${where}: schema (${mod} ${cls})`);
    } catch (e) {
      bad(`${where}: schema: ${e.message}`);
    }
    const tsName = `${path.basename(file, path.extname(file))}-${i}.ts`;
    fs.writeFileSync(path.join(tsDir, tsName),
      `// ${where}\nimport type { I${cls} } from "${mod}/${cls}";\n` +
      `export const doc: I${cls} = ${JSON.stringify(doc, null, 2)};\n`);
    tsFiles.push([tsName, where]);
  }
}

if (tsFiles.length > 0) {
  fs.writeFileSync(path.join(tsDir, "tsconfig.json"), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, skipLibCheck: true, target: "es2022",
      module: "nodenext", moduleResolution: "nodenext", types: [],
    },
    include: ["*.ts"],
  }));
  let out = "";
  try {
    execFileSync(path.join(process.cwd(), "node_modules/.bin/tsc"), ["-p", tsDir], { encoding: "utf8" });
  } catch (e) {
    out = `${e.stdout ?? ""}${e.stderr ?? ""}`;
  }
  for (const [tsName, where] of tsFiles) {
    const errors = out.split("\n").filter((l) => l.includes(tsName) || false);
    if (errors.length === 0) ok(`${where}: no unknown fields (tsc excess-property check)`);
    else bad(`${where}: ${errors.join(" | ").replaceAll(tsDir + "/", "")}`);
  }
  const stray = out.split("\n").filter((l) => l.trim() && !tsFiles.some(([n]) => l.includes(n)) && /error TS/.test(l));
  if (stray.length > 0) bad(`tsc: ${stray.join(" | ")}`);
}
fs.rmSync(tsDir, { recursive: true, force: true });
console.log(`k8s: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

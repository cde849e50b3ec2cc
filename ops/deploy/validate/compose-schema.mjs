// ops/deploy/validate/compose-schema.mjs SCHEMA.json COMPOSE.yaml — validate a compose file
// against the Compose Specification JSON schema (draft-07 or 2019-09, whichever the schema
// declares), after YAML anchors and merge keys (<<) are resolved, as compose itself reads it.
import fs from "node:fs";
import yaml from "js-yaml";
import Ajv from "ajv";
import Ajv2019 from "ajv/dist/2019.js";

const [schemaFile, composeFile] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
const is2019 = String(schema.$schema ?? "").includes("2019-09");
const AjvClass = is2019 ? Ajv2019 : Ajv;
// strict:false — the published schema uses keywords/formats ajv's strict mode rejects (e.g. "duration")
const ajv = new AjvClass({ strict: false, allErrors: true, validateFormats: false, validateSchema: false });
delete schema.$schema; // published with non-canonical meta-schema URIs; the draft is chosen above
// docker-compose v1's bundled schema still uses draft-04 style string "id"s: drop them (informational)
const dropIds = (o) => {
  if (Array.isArray(o)) { o.forEach(dropIds); return; }
  if (o === null || typeof o !== "object") return;
  if (typeof o.id === "string") delete o.id;
  Object.values(o).forEach(dropIds);
};
dropIds(schema);
const validate = ajv.compile(schema);
const doc = yaml.load(fs.readFileSync(composeFile, "utf8"));
if (validate(doc)) {
  console.log(`PASS ${composeFile} is valid against ${schemaFile} (${is2019 ? "draft 2019-09" : "draft-07"})`);
  process.exit(0);
}
for (const e of validate.errors) console.log(`FAIL ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
process.exit(1);

// node validate-asyncapi.mjs [FILE]: parses FILE (asyncapi.yaml by default) with the AsyncAPI parser, resolving
// the $refs to json/*.schema.json; prints every diagnostic and exits 1 on any error (warnings are printed only).

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Parser, fromFile } from '@asyncapi/parser';

const file = resolve(process.argv[2] ?? 'asyncapi.yaml');
const parser = new Parser();
const { document, diagnostics } = await fromFile(parser, file).parse({
  source: pathToFileURL(file).href,
  validateOptions: { allowedSeverity: { warning: true, info: true, hint: true } },
});
const severity = ['error', 'warning', 'info', 'hint'];
for (const d of diagnostics) {
  console.log(`${severity[d.severity]} ${d.code} at /${d.path.join('/')}: ${d.message}`);
}
const errors = diagnostics.filter((d) => d.severity === 0);
if (!document || errors.length > 0) {
  console.log(`INVALID ${file}: ${errors.length} error(s)`);
  process.exit(1);
}
const channels = document.channels().all().map((c) => c.address());
const messages = document.components().messages().all().map((m) => m.name());
console.log(`VALID ${file}: ${channels.length} channels (${channels.join(', ')}), ${messages.length} messages`);

// Fails when a public symbol of the jsii assembly has no documentation, or an
// optional property of a props struct has no @default.
const fs = require('fs');
const assembly = JSON.parse(fs.readFileSync(process.argv[2] || '.jsii', 'utf8'));
const problems = [];
for (const [fqn, type] of Object.entries(assembly.types)) {
  if (!type.docs?.summary) problems.push(`${fqn}: no documentation`);
  for (const p of type.properties ?? []) {
    if (!p.docs?.summary) problems.push(`${fqn}.${p.name}: no documentation`);
    if (type.kind === 'interface' && type.datatype && p.optional && !p.docs?.default) problems.push(`${fqn}.${p.name}: optional without @default`);
  }
  for (const m of type.methods ?? []) if (!m.docs?.summary) problems.push(`${fqn}#${m.name}: no documentation`);
  for (const m of type.members ?? []) if (!m.docs?.summary) problems.push(`${fqn}.${m.name}: no documentation`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`API docs: ${Object.keys(assembly.types).length} public types documented, every optional prop has @default`);

/**
 * The 1,000-workspace organization of the polyglot benchmark, in TypeScript (as compiled
 * JavaScript, from lib/, like a TypeScript user's program at run time). The same generator
 * exists in Python (examples/python/generate.py), Java (examples/java/.../Generate.java) and
 * Go (examples/go/generate); polyglot/bench.js runs them and compares their output.
 *
 *   node polyglot/bench/generate.js <calls|group|plain> <N> <outdir>
 *
 * An organization with 10 teams and a project; N workspaces ws-0 .. ws-(N-1), each with
 * 3 variables (var0..var2 = "value-<v>-of-ws-<i>") and a write grant to team (i % 10).
 *  - calls: one Workspace, three addVariable and one grantAccess call per workspace;
 *  - group: the bulk entry point, one WorkspaceGroup per team (prefix "ws-") whose props
 *    carry all its members and their variables, and one grantAccess per group; the values
 *    are still one VariableValue.string call each;
 *  - plain: the same group, with each member's variables as plain data
 *    (`terraformVariables: { var0: "...", ... }`): no call per variable at all.
 * Prints one JSON line: {"buildMs", "synthMs"} (inside the program, after start-up).
 */
'use strict';
const { App, TerraformStack } = require('cdktf');
const { TfeProvider } = require('@cdktf/provider-tfe/lib/provider');
const { Organization, VariableValue, Workspace, WorkspaceAccess, WorkspaceGroup } = require('../../lib');

const [variant, nArg, outdir] = process.argv.slice(2);
const n = Number(nArg);
const TEAMS = 10;
const VARIABLES = 3;

const t0 = process.hrtime.bigint();
const app = new App({ outdir });
const stack = new TerraformStack(app, 'bench');
new TfeProvider(stack, 'tfe', { hostname: 'app.terraform.io' });
const org = new Organization(stack, 'Org', { name: 'bench-org', email: 'bench@example.com' });
const teams = [];
for (let t = 0; t < TEAMS; t++) teams.push(org.addTeam(`Team${t}`, { name: `team${t}` }));
const project = org.addProject('Project', { name: 'bench' });

if (variant === 'calls') {
  for (let i = 0; i < n; i++) {
    const ws = new Workspace(stack, `W${i}`, { organization: org, name: `ws-${i}`, project });
    for (let v = 0; v < VARIABLES; v++) {
      ws.addVariable(`V${v}`, { key: `var${v}`, value: VariableValue.string(`value-${v}-of-ws-${i}`) });
    }
    ws.grantAccess(teams[i % TEAMS], WorkspaceAccess.WRITE);
  }
} else if (variant === 'group' || variant === 'plain') {
  for (let t = 0; t < TEAMS; t++) {
    const members = [];
    for (let i = t; i < n; i += TEAMS) {
      if (variant === 'plain') {
        const terraformVariables = {};
        for (let v = 0; v < VARIABLES; v++) terraformVariables[`var${v}`] = `value-${v}-of-ws-${i}`;
        members.push({ shortName: String(i), terraformVariables });
      } else {
        const variables = [];
        for (let v = 0; v < VARIABLES; v++) variables.push({ key: `var${v}`, value: VariableValue.string(`value-${v}-of-ws-${i}`) });
        members.push({ shortName: String(i), variables });
      }
    }
    new WorkspaceGroup(stack, `G${t}`, { organization: org, prefix: 'ws-', members, settings: { project } })
      .grantAccess(teams[t], WorkspaceAccess.WRITE);
  }
} else {
  throw new Error(`unknown variant ${variant}`);
}
const t1 = process.hrtime.bigint();
app.synth();
const t2 = process.hrtime.bigint();
console.log(JSON.stringify({ buildMs: Number(t1 - t0) / 1e6, synthMs: Number(t2 - t1) / 1e6 }));

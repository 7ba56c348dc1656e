#!/usr/bin/env bash
# The cdktn flavour's packages as a user gets them: a fresh TypeScript project and a fresh Python
# virtual environment, outside the repository, install the npm tarballs / wheels (and cdktn and
# constructs from the registries), then synthesize a small platform; the two outputs must agree.
#
#   bash flavours/fresh-project.sh NODE_VERSION FLAVOUR_DIR CDKTN_VERSION CONSTRUCTS_VERSION
#   (the versions the flavour was built against: flavours/run.sh passes them)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
LTS="$1"
F="$(cd "$2" && pwd)"
FRAMEWORK_VERSION="$3"
CONSTRUCTS_VERSION="$4"
on_node() { local v="$1"; shift; npx -y -p "node@$v" -- "$@"; }
DIR="$(mktemp -d "${TMPDIR:-/tmp}/cdktn-fresh.XXXXXX")"
trap 'rm -rf "$DIR"' EXIT

# --- npm ----------------------------------------------------------------------------------
mkdir -p "$DIR/ts" && cd "$DIR/ts"
cat > package.json << 'EOF'
{ "name": "fresh-platform", "version": "1.0.0", "private": true }
EOF
on_node "$LTS" npm install --no-audit --no-fund --loglevel=error \
  "$F"/provider-tfe/dist/js/*.tgz "$F"/dist/js/*.tgz "cdktn@$FRAMEWORK_VERSION" "constructs@$CONSTRUCTS_VERSION" \
  typescript@~5.9 @types/node@^22
cat > tsconfig.json << 'EOF'
{ "compilerOptions": { "target": "ES2022", "module": "commonjs", "strict": true, "outDir": "out", "skipLibCheck": false } }
EOF
cat > main.ts << 'EOF'
import { App, TerraformStack } from 'cdktn';
import { TfeProvider } from 'cdktn-provider-tfe/lib/provider';
import { Organization, ProjectAccess, VariableValue, Workspace, WorkspaceAccess, WorkspaceGroup } from 'cdktn-tfe-constructs';

const app = new App({ outdir: process.argv[2] });
const stack = new TerraformStack(app, 'platform');
new TfeProvider(stack, 'tfe', { hostname: 'app.terraform.io' });
const acme = new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example' });
const ops = acme.addTeam('Ops', { name: 'ops' });
const payments = acme.addProject('Payments', { name: 'payments' });
payments.grantAccess(ops, ProjectAccess.MAINTAIN);
const api = new Workspace(stack, 'Api', { organization: acme, name: 'payments-api', project: payments });
api.addVariable('Replicas', { key: 'replicas', value: VariableValue.number(3) });
api.grantAccess(ops, WorkspaceAccess.WRITE);
new WorkspaceGroup(stack, 'Networking', {
  organization: acme, prefix: 'networking-', members: [{ shortName: 'dev' }, { shortName: 'prod' }], promotion: true,
});
app.synth();
EOF
on_node "$LTS" npx tsc -p .
on_node "$LTS" node out/main.js "$DIR/ts.out"
node -e '
  const j = require(process.argv[1] + "/stacks/platform/cdk.tf.json");
  const n = (t) => Object.keys(j.resource[t] ?? {}).length;
  const want = { tfe_organization: 1, tfe_team: 1, tfe_project: 1, tfe_workspace: 3, tfe_variable: 1, tfe_team_access: 1, tfe_team_project_access: 1, tfe_run_trigger: 1 };
  const bad = Object.entries(want).filter(([t, c]) => n(t) !== c);
  if (bad.length) { console.error("unexpected resource counts:", JSON.stringify(bad.map(([t]) => [t, n(t)]))); process.exit(1); }
  console.log("   npm: the fresh TypeScript project synthesized " + Object.values(j.resource).reduce((a, r) => a + Object.keys(r).length, 0) + " resources");
' "$DIR/ts.out"

# --- Python -------------------------------------------------------------------------------
python3 -m venv "$DIR/venv"
"$DIR/venv/bin/python" -m pip install -q --disable-pip-version-check \
  --find-links "$F/provider-tfe/dist/python" --find-links "$F/dist/python" \
  cdktn-tfe-constructs "cdktn==$FRAMEWORK_VERSION" "constructs==$CONSTRUCTS_VERSION"
cat > "$DIR/main.py" << 'EOF'
import sys

from cdktn import App, TerraformStack
from cdktn_provider_tfe.provider import TfeProvider
from cdktn_tfe_constructs import (
    Organization, ProjectAccess, VariableValue, Workspace, WorkspaceAccess, WorkspaceGroup, WorkspaceGroupMember,
)

app = App(outdir=sys.argv[1])
stack = TerraformStack(app, "platform")
TfeProvider(stack, "tfe", hostname="app.terraform.io")
acme = Organization(stack, "Acme", name="acme", email="platform@acme.example")
ops = acme.add_team("Ops", name="ops")
payments = acme.add_project("Payments", name="payments")
payments.grant_access(ops, ProjectAccess.MAINTAIN)
api = Workspace(stack, "Api", organization=acme, name="payments-api", project=payments)
api.add_variable("Replicas", key="replicas", value=VariableValue.number(3))
api.grant_access(ops, WorkspaceAccess.WRITE)
WorkspaceGroup(stack, "Networking", organization=acme, prefix="networking-",
               members=[WorkspaceGroupMember(short_name="dev"), WorkspaceGroupMember(short_name="prod")], promotion=True)
app.synth()
EOF
(cd "$DIR" && on_node "$LTS" "$DIR/venv/bin/python" main.py "$DIR/py.out")
node "$HERE/../polyglot/compare.js" --ref "$DIR/ts.out" python-fresh="$DIR/py.out" | sed 's/^/   /'

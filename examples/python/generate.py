"""The 1,000-workspace organization of the polyglot benchmark, in Python.

Same program as polyglot/bench/generate.js (see there):

    python generate.py <calls|group|plain> <N> <outdir>

Prints one JSON line: {"buildMs", "synthMs"}.
"""
import json
import sys
import time

from cdktf import App, TerraformStack
from cdktf_cdktf_provider_tfe.provider import TfeProvider

from cdktf_tfe_constructs import (
    Organization,
    VariableOptions,
    VariableValue,
    Workspace,
    WorkspaceAccess,
    WorkspaceGroup,
    WorkspaceGroupMember,
    WorkspaceSettingsOptions,
)

TEAMS = 10
VARIABLES = 3


def main(variant: str, n: int, outdir: str) -> None:
    t0 = time.perf_counter()
    app = App(outdir=outdir)
    stack = TerraformStack(app, "bench")
    TfeProvider(stack, "tfe", hostname="app.terraform.io")
    org = Organization(stack, "Org", name="bench-org", email="bench@example.com")
    teams = [org.add_team(f"Team{t}", name=f"team{t}") for t in range(TEAMS)]
    project = org.add_project("Project", name="bench")

    if variant == "calls":
        for i in range(n):
            ws = Workspace(stack, f"W{i}", organization=org, name=f"ws-{i}", project=project)
            for v in range(VARIABLES):
                ws.add_variable(f"V{v}", key=f"var{v}", value=VariableValue.string(f"value-{v}-of-ws-{i}"))
            ws.grant_access(teams[i % TEAMS], WorkspaceAccess.WRITE)
    elif variant in ("group", "plain"):
        for t in range(TEAMS):
            if variant == "plain":
                members = [
                    WorkspaceGroupMember(
                        short_name=str(i),
                        terraform_variables={f"var{v}": f"value-{v}-of-ws-{i}" for v in range(VARIABLES)},
                    )
                    for i in range(t, n, TEAMS)
                ]
            else:
                members = [
                    WorkspaceGroupMember(
                        short_name=str(i),
                        variables=[
                            VariableOptions(key=f"var{v}", value=VariableValue.string(f"value-{v}-of-ws-{i}"))
                            for v in range(VARIABLES)
                        ],
                    )
                    for i in range(t, n, TEAMS)
                ]
            group = WorkspaceGroup(
                stack, f"G{t}", organization=org, prefix="ws-", members=members,
                settings=WorkspaceSettingsOptions(project=project),
            )
            group.grant_access(teams[t], WorkspaceAccess.WRITE)
    else:
        raise SystemExit(f"unknown variant {variant}")
    t1 = time.perf_counter()
    app.synth()
    t2 = time.perf_counter()
    print(json.dumps({"buildMs": (t1 - t0) * 1000, "synthMs": (t2 - t1) * 1000}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])

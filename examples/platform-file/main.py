"""Loads platform.yaml into a stack and synthesizes it (cdktf.out), as main.ts does.

    python main.py

polyglot/run.sh checks that it writes the same JSON as main.ts.
"""
import os

from cdktf import App, TerraformStack
from cdktf_cdktf_provider_tfe.provider import TfeProvider

from cdktf_tfe_constructs import PlatformFile, Tenant

here = os.path.dirname(os.path.abspath(__file__))
app = App(outdir=os.environ.get("CDKTF_OUTDIR", os.path.join(here, "cdktf.out")))
stack = TerraformStack(app, "tenants")
TfeProvider(stack, "tfe", hostname=os.environ.get("TFE_HOSTNAME", "app.terraform.io"))
platform = PlatformFile.load(stack, "Platform", os.path.join(here, "platform.yaml"))
# A tenant written in code next to the file's (the same construct the file's tenants are).
Tenant(stack, "Ledger", organization=platform.organization, name="ledger", environments=["prod"], management_workspace=False)
app.synth()

"""The example platform of examples/platform/platform.ts, in Python.

Same constructs, ids, names and options: `polyglot/compare.js` checks that the
synthesized Terraform JSON is identical to the TypeScript example's.

    python main.py            # synthesizes into examples/python/cdktf.out

Needs the `cdktf-tfe-constructs` wheel (dist/python, built by jsii-pacmak),
`cdktf==0.21.0` and `cdktf-cdktf-provider-tfe==12.5.1`; `polyglot/run.sh`
sets all of it up in a virtual environment outside the repository.
"""
import os

from cdktf import App, TerraformOutput, TerraformStack, TerraformVariable
from cdktf_cdktf_provider_tfe.provider import TfeProvider
from constructs import Construct

from cdktf_tfe_constructs import (
    DynamicCredentials,
    EnforcementLevel,
    Entitlement,
    Entitlements,
    ExecutionMode,
    NotificationDestination,
    NotificationTrigger,
    OAuthClient,
    Organization,
    OrganizationAccess,
    Policy,
    PolicyKind,
    PolicySet,
    PolicySource,
    ProjectAccess,
    RunCredentials,
    RunWorkflow,
    ProjectWorkspacePermissions,
    VariableCategory,
    VariableOptions,
    VariableSet,
    VariableValue,
    VcsProvider,
    Workspace,
    WorkspaceAccess,
    WorkspaceGroup,
    WorkspaceGroupMember,
    WorkspaceSettingsOptions,
    WorkspaceStateVersionsPermission,
)

HOSTNAME = os.environ.get("TFE_HOSTNAME", "app.terraform.io")
ORGANIZATION = os.environ.get("TFE_ORGANIZATION", "acme-platform")


class PlatformStack(TerraformStack):
    """The platform team's stack: everything the organization is made of."""

    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        TfeProvider(self, "tfe", hostname=HOSTNAME)

        # Secrets arrive as sensitive variables, never as literals in the program.
        github_token = TerraformVariable(
            self, "github_token", type="string", sensitive=True,
            description="OAuth token of the GitHub machine user that reads the repositories",
        )
        slack_webhook = TerraformVariable(
            self, "slack_webhook_url", type="string", sensitive=True,
            description="Slack incoming-webhook URL for the payments channel (a credential)",
        )
        datadog_api_key = TerraformVariable(
            self, "datadog_api_key", type="string", sensitive=True,
            description="Datadog API key for the payments workspaces",
        )

        # --- Organization, members, teams, tokens -------------------------------
        acme = Organization(
            self, "Acme",
            name=ORGANIZATION,
            email="platform@acme.example",
            assessments_enforced=True,
            entitlements=Entitlements.team_and_governance().with_([Entitlement.SSO]),
        )

        alice = acme.invite_member("Alice", email="alice@acme.example")
        bob = acme.invite_member("Bob", email="bob@acme.example")
        carol = acme.invite_member("Carol", email="carol@acme.example")

        admins = acme.add_team(
            "PlatformAdmins", name="platform-admins",
            organization_access=OrganizationAccess.administrator(), members=[alice],
        )
        developers = acme.add_team(
            "Developers", name="developers",
            organization_access=OrganizationAccess.read_only(), members=[bob, carol],
        )
        auditors = acme.add_team(
            "Auditors", name="auditors",
            organization_access=OrganizationAccess.custom(read_workspaces=True, read_projects=True),
            sso_team_id="okta-group-auditors",
        )
        deployers = acme.add_team(
            "Deployers", name="ci-deployers", organization_access=OrganizationAccess.none(),
        )

        # The CI pipeline's credentials: a described team token that expires.
        ci_token = deployers.add_token("CiToken", description="github-actions", expires_at="2027-06-30T00:00:00Z")
        ci_token.create_output("ci_token")
        deployers.add_token("LegacyToken")
        # The organization token manages the organization; it cannot run applies.
        acme.add_token("OrgToken").create_output("organization_token")

        # --- Projects ------------------------------------------------------------
        platform = acme.add_project("PlatformProject", name="platform", description="Shared infrastructure")
        payments = acme.add_project("PaymentsProject", name="payments", tags={"cost_center": "cc-1234"})
        platform.grant_access(admins, ProjectAccess.ADMIN)
        payments.grant_access(developers, ProjectAccess.WRITE)
        payments.grant_access(auditors, ProjectAccess.custom(
            workspaces=ProjectWorkspacePermissions(state_versions=WorkspaceStateVersionsPermission.READ_OUTPUTS),
        ))

        # --- VCS connection --------------------------------------------------------
        github = OAuthClient(
            self, "GitHub", organization=acme, service_provider=VcsProvider.GITHUB,
            oauth_token=github_token.string_value,
        )

        # --- A prefix family, VCS-driven, promoted dev -> staging -> prod ---------
        self.networking = WorkspaceGroup(
            self, "Networking",
            organization=acme,
            prefix="networking-",
            # Structs inside lists are passed as their classes (jsii converts only top-level dicts).
            members=[
                WorkspaceGroupMember(short_name="dev", settings=WorkspaceSettingsOptions(auto_apply=True)),
                WorkspaceGroupMember(short_name="staging"),
                WorkspaceGroupMember(
                    short_name="prod",
                    variables=[VariableOptions(key="instance_count", value=VariableValue.number(6))],
                ),
            ],
            settings=WorkspaceSettingsOptions(
                project=platform,
                terraform_version="~> 1.9.0",
                execution_mode=ExecutionMode.remote(),
                run_workflow=RunWorkflow.vcs(
                    connection=github, repository="acme/networking", branch="main", trigger_prefixes=["modules/"],
                ),
            ),
            variables=[
                VariableOptions(key="instance_count", value=VariableValue.number(2)),
                VariableOptions(key="cidr_blocks", value=VariableValue.list(["10.0.0.0/16", "10.1.0.0/16"])),
            ],
            promotion=True,
        )
        self.networking.grant_access(admins, WorkspaceAccess.ADMIN)
        self.networking.grant_access(developers, WorkspaceAccess.PLAN)

        # --- A CLI-driven workspace, bound as the application stack's backend -----
        api = Workspace(
            self, "PaymentsApi",
            organization=acme,
            name="payments-api",
            project=payments,
            description="The payments API, deployed from CI with cdktf deploy",
            run_workflow=RunWorkflow.cli_driven(),
            execution_mode=ExecutionMode.local(),
            tag_names=["payments", "tier:1"],
        )
        self.payments_api = api
        api.add_variable("Region", key="region", value=VariableValue.string("eu-west-1"))
        api.add_variable("Replicas", key="replicas", value=VariableValue.number(3))
        api.add_variable("Canary", key="canary_enabled", value=VariableValue.boolean(False))
        api.add_variable("Labels", key="labels", value=VariableValue.map({
            "team": "payments",
            "owner:email": "payments@acme.example",
            "motd": 'say "hi"\n${not_interpolated}',
        }))
        api.add_variable("Subnets", key="subnet_ids", value=VariableValue.hcl('["subnet-1", "subnet-2"]'))
        api.add_variable("LogLevel", key="TF_LOG", value=VariableValue.string("INFO"), category=VariableCategory.ENV)
        api.add_variable(
            "DatadogKey", key="DD_API_KEY", value=VariableValue.from_reference(datadog_api_key.string_value),
            category=VariableCategory.ENV, sensitive=True, description="Datadog API key",
        )
        # The CI token, as run credentials for the workspace's own runs of other workspaces.
        api.add_variable(
            "TfeToken", key="TFE_TOKEN",
            value=VariableValue.from_reference(RunCredentials.from_token(ci_token).token_value),
            category=VariableCategory.ENV, sensitive=True,
        )
        api.grant_access(developers, WorkspaceAccess.WRITE)
        api.grant_access(deployers, WorkspaceAccess.WRITE)
        api.grant_access(auditors, WorkspaceAccess.custom(state_versions=WorkspaceStateVersionsPermission.READ_OUTPUTS))
        api.triggered_by(self.networking.member("prod"))
        self.networking.member("prod").share_state_with(api)
        api.add_notification(
            "Slack", name="payments-slack",
            destination=NotificationDestination.slack(slack_webhook.string_value),
            triggers=[NotificationTrigger.RUN_ERRORED, NotificationTrigger.RUN_NEEDS_ATTENTION],
        )
        # Short-lived AWS credentials for every run, a read-only role for plans.
        api.add_dynamic_credentials(DynamicCredentials.aws(
            run_role_arn="arn:aws:iam::123456789012:role/payments-api",
            plan_role_arn="arn:aws:iam::123456789012:role/payments-api-readonly",
        ))

        # --- A variable set for every payments workspace --------------------------
        payments_defaults = VariableSet(
            self, "PaymentsDefaults", organization=acme, name="payments-defaults",
            description="Defaults for every workspace of the payments project", projects=[payments],
        )
        payments_defaults.add_variable("Environment", key="environment", value=VariableValue.string("production"))

        # --- Policies ----------------------------------------------------------------
        # Sentinel, hard-mandatory, on the production member of the networking family.
        no_open_ingress = Policy(
            self, "NoOpenIngress",
            organization=acme,
            name="no-open-ingress",
            description="Security groups must not allow 0.0.0.0/0 ingress",
            kind=PolicyKind.SENTINEL,
            source=PolicySource.inline("\n".join([
                'import "tfplan/v2" as tfplan',
                'rules = filter tfplan.resource_changes as _, rc { rc.type is "aws_security_group_rule" }',
                'main = rule { all rules as _, rc { "0.0.0.0/0" not in (rc.change.after.cidr_blocks else []) } }',
            ])),
            enforcement_level=EnforcementLevel.SENTINEL_HARD_MANDATORY,
        )
        production_guardrails = PolicySet(
            self, "ProductionGuardrails", organization=acme, name="production-guardrails",
            kind=PolicyKind.SENTINEL, policies=[no_open_ingress],
        )
        production_guardrails.attach_to(self.networking.member("prod"))

        # OPA, mandatory, on every workspace of the payments project.
        require_tags = Policy(
            self, "RequireCostCenter",
            organization=acme,
            name="require-cost-center",
            kind=PolicyKind.OPA,
            query="data.terraform.policies.deny",
            source=PolicySource.inline("\n".join([
                "package terraform.policies",
                'deny[msg] { r := input.resource_changes[_]; not r.change.after.tags.cost_center; '
                'msg := sprintf("%s has no cost_center tag", [r.address]) }',
            ])),
            enforcement_level=EnforcementLevel.OPA_MANDATORY,
        )
        payments_policies = PolicySet(
            self, "PaymentsPolicies", organization=acme, name="payments-policies",
            kind=PolicyKind.OPA, policies=[require_tags], overridable=False,
        )
        payments_policies.attach_to_project(payments)


class PaymentsAppStack(TerraformStack):
    """The payments team's application stack, whose state lives in `payments-api`."""

    def __init__(self, scope: Construct, id: str, platform: PlatformStack) -> None:
        super().__init__(scope, id)
        platform.payments_api.bind_backend(self)
        TerraformOutput(self, "deployed_by", value="cdktf deploy payments-app")


def build_platform(app: Construct):
    platform = PlatformStack(app, "platform")
    payments_app = PaymentsAppStack(app, "payments-app", platform)
    return platform, payments_app


if __name__ == "__main__":
    outdir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cdktf.out")
    app = App(outdir=outdir)
    build_platform(app)
    app.synth()
    print(f"Synthesized into {os.path.relpath(outdir)}")

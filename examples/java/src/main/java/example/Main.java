package example;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.providers.tfe.provider.TfeProvider;
import software.constructs.Construct;

import io.github.cdktf_tfe_constructs.CustomProjectAccessOptions;
import io.github.cdktf_tfe_constructs.AwsDynamicCredentialsOptions;
import io.github.cdktf_tfe_constructs.DynamicCredentials;
import io.github.cdktf_tfe_constructs.EnforcementLevel;
import io.github.cdktf_tfe_constructs.Entitlement;
import io.github.cdktf_tfe_constructs.Entitlements;
import io.github.cdktf_tfe_constructs.ExecutionMode;
import io.github.cdktf_tfe_constructs.NotificationDestination;
import io.github.cdktf_tfe_constructs.NotificationOptions;
import io.github.cdktf_tfe_constructs.NotificationTrigger;
import io.github.cdktf_tfe_constructs.OAuthClient;
import io.github.cdktf_tfe_constructs.Organization;
import io.github.cdktf_tfe_constructs.OrganizationAccess;
import io.github.cdktf_tfe_constructs.OrganizationAccessFlags;
import io.github.cdktf_tfe_constructs.OrganizationMember;
import io.github.cdktf_tfe_constructs.OrganizationMemberOptions;
import io.github.cdktf_tfe_constructs.Policy;
import io.github.cdktf_tfe_constructs.PolicyKind;
import io.github.cdktf_tfe_constructs.PolicySet;
import io.github.cdktf_tfe_constructs.PolicySource;
import io.github.cdktf_tfe_constructs.Project;
import io.github.cdktf_tfe_constructs.ProjectAccess;
import io.github.cdktf_tfe_constructs.ProjectOptions;
import io.github.cdktf_tfe_constructs.ProjectWorkspacePermissions;
import io.github.cdktf_tfe_constructs.RunCredentials;
import io.github.cdktf_tfe_constructs.RunWorkflow;
import io.github.cdktf_tfe_constructs.Team;
import io.github.cdktf_tfe_constructs.TeamOptions;
import io.github.cdktf_tfe_constructs.TeamToken;
import io.github.cdktf_tfe_constructs.TeamTokenOptions;
import io.github.cdktf_tfe_constructs.VariableCategory;
import io.github.cdktf_tfe_constructs.VariableOptions;
import io.github.cdktf_tfe_constructs.VariableSet;
import io.github.cdktf_tfe_constructs.VariableValue;
import io.github.cdktf_tfe_constructs.VcsProvider;
import io.github.cdktf_tfe_constructs.VcsWorkflowOptions;
import io.github.cdktf_tfe_constructs.Workspace;
import io.github.cdktf_tfe_constructs.WorkspaceAccess;
import io.github.cdktf_tfe_constructs.WorkspaceGroup;
import io.github.cdktf_tfe_constructs.WorkspaceGroupMember;
import io.github.cdktf_tfe_constructs.WorkspacePermissions;
import io.github.cdktf_tfe_constructs.WorkspaceSettingsOptions;
import io.github.cdktf_tfe_constructs.WorkspaceStateVersionsPermission;

/**
 * The example platform of examples/platform/platform.ts, in Java: same constructs, ids, names
 * and options. Synthesizes into examples/java/cdktf.out (the current directory's cdktf.out).
 *
 * <pre>mvn -q compile exec:java</pre>
 */
public final class Main {
    static final String HOSTNAME = Optional.ofNullable(System.getenv("TFE_HOSTNAME")).orElse("app.terraform.io");
    static final String ORGANIZATION = Optional.ofNullable(System.getenv("TFE_ORGANIZATION")).orElse("acme-platform");

    /** The platform team's stack: everything the organization is made of. */
    public static final class PlatformStack extends TerraformStack {
        final Workspace paymentsApi;
        final WorkspaceGroup networking;

        public PlatformStack(final Construct scope, final String id) {
            super(scope, id);
            TfeProvider.Builder.create(this, "tfe").hostname(HOSTNAME).build();

            // Secrets arrive as sensitive variables, never as literals in the program.
            TerraformVariable githubToken = TerraformVariable.Builder.create(this, "github_token")
                .type("string").sensitive(true)
                .description("OAuth token of the GitHub machine user that reads the repositories").build();
            TerraformVariable slackWebhook = TerraformVariable.Builder.create(this, "slack_webhook_url")
                .type("string").sensitive(true)
                .description("Slack incoming-webhook URL for the payments channel (a credential)").build();
            TerraformVariable datadogApiKey = TerraformVariable.Builder.create(this, "datadog_api_key")
                .type("string").sensitive(true)
                .description("Datadog API key for the payments workspaces").build();

            // --- Organization, members, teams, tokens -------------------------------
            Organization acme = Organization.Builder.create(this, "Acme")
                .name(ORGANIZATION)
                .email("platform@acme.example")
                .assessmentsEnforced(true)
                .entitlements(Entitlements.teamAndGovernance().with(List.of(Entitlement.SSO)))
                .build();

            OrganizationMember alice = acme.inviteMember("Alice", OrganizationMemberOptions.builder().email("alice@acme.example").build());
            OrganizationMember bob = acme.inviteMember("Bob", OrganizationMemberOptions.builder().email("bob@acme.example").build());
            OrganizationMember carol = acme.inviteMember("Carol", OrganizationMemberOptions.builder().email("carol@acme.example").build());

            Team admins = acme.addTeam("PlatformAdmins", TeamOptions.builder()
                .name("platform-admins").organizationAccess(OrganizationAccess.administrator()).members(List.of(alice)).build());
            Team developers = acme.addTeam("Developers", TeamOptions.builder()
                .name("developers").organizationAccess(OrganizationAccess.readOnly()).members(List.of(bob, carol)).build());
            Team auditors = acme.addTeam("Auditors", TeamOptions.builder()
                .name("auditors")
                .organizationAccess(OrganizationAccess.custom(OrganizationAccessFlags.builder().readWorkspaces(true).readProjects(true).build()))
                .ssoTeamId("okta-group-auditors").build());
            Team deployers = acme.addTeam("Deployers", TeamOptions.builder()
                .name("ci-deployers").organizationAccess(OrganizationAccess.none()).build());

            // The CI pipeline's credentials: a described team token that expires.
            TeamToken ciToken = deployers.addToken("CiToken", TeamTokenOptions.builder()
                .description("github-actions").expiresAt("2027-06-30T00:00:00Z").build());
            ciToken.createOutput("ci_token");
            deployers.addToken("LegacyToken");
            // The organization token manages the organization; it cannot run applies.
            acme.addToken("OrgToken").createOutput("organization_token");

            // --- Projects ------------------------------------------------------------
            Project platform = acme.addProject("PlatformProject", ProjectOptions.builder()
                .name("platform").description("Shared infrastructure").build());
            Project payments = acme.addProject("PaymentsProject", ProjectOptions.builder()
                .name("payments").tags(Map.of("cost_center", "cc-1234")).build());
            platform.grantAccess(admins, ProjectAccess.ADMIN);
            payments.grantAccess(developers, ProjectAccess.WRITE);
            payments.grantAccess(auditors, ProjectAccess.custom(CustomProjectAccessOptions.builder()
                .workspaces(ProjectWorkspacePermissions.builder().stateVersions(WorkspaceStateVersionsPermission.READ_OUTPUTS).build())
                .build()));

            // --- VCS connection --------------------------------------------------------
            OAuthClient github = OAuthClient.Builder.create(this, "GitHub")
                .organization(acme).serviceProvider(VcsProvider.GITHUB).oauthToken(githubToken.getStringValue()).build();

            // --- A prefix family, VCS-driven, promoted dev -> staging -> prod ---------
            this.networking = WorkspaceGroup.Builder.create(this, "Networking")
                .organization(acme)
                .prefix("networking-")
                .members(List.of(
                    WorkspaceGroupMember.builder().shortName("dev").settings(WorkspaceSettingsOptions.builder().autoApply(true).build()).build(),
                    WorkspaceGroupMember.builder().shortName("staging").build(),
                    WorkspaceGroupMember.builder().shortName("prod")
                        .variables(List.of(VariableOptions.builder().key("instance_count").value(VariableValue.number(6)).build())).build()))
                .settings(WorkspaceSettingsOptions.builder()
                    .project(platform)
                    .terraformVersion("~> 1.9.0")
                    .executionMode(ExecutionMode.remote())
                    .runWorkflow(RunWorkflow.vcs(VcsWorkflowOptions.builder()
                        .connection(github).repository("acme/networking").branch("main").triggerPrefixes(List.of("modules/")).build()))
                    .build())
                .variables(List.of(
                    VariableOptions.builder().key("instance_count").value(VariableValue.number(2)).build(),
                    VariableOptions.builder().key("cidr_blocks").value(VariableValue.list(List.of("10.0.0.0/16", "10.1.0.0/16"))).build()))
                .promotion(true)
                .build();
            this.networking.grantAccess(admins, WorkspaceAccess.ADMIN);
            this.networking.grantAccess(developers, WorkspaceAccess.PLAN);

            // --- A CLI-driven workspace, bound as the application stack's backend -----
            this.paymentsApi = Workspace.Builder.create(this, "PaymentsApi")
                .organization(acme)
                .name("payments-api")
                .project(payments)
                .description("The payments API, deployed from CI with cdktf deploy")
                .runWorkflow(RunWorkflow.cliDriven())
                .executionMode(ExecutionMode.local())
                .tagNames(List.of("payments", "tier:1"))
                .build();
            Workspace api = this.paymentsApi;
            api.addVariable("Region", VariableOptions.builder().key("region").value(VariableValue.string("eu-west-1")).build());
            api.addVariable("Replicas", VariableOptions.builder().key("replicas").value(VariableValue.number(3)).build());
            api.addVariable("Canary", VariableOptions.builder().key("canary_enabled").value(VariableValue.doBoolean(false)).build());
            // Map.of has no iteration order: a LinkedHashMap keeps the TypeScript literal's key order.
            java.util.LinkedHashMap<String, Object> labels = new java.util.LinkedHashMap<>();
            labels.put("team", "payments");
            labels.put("owner:email", "payments@acme.example");
            labels.put("motd", "say \"hi\"\n${not_interpolated}");
            api.addVariable("Labels", VariableOptions.builder().key("labels").value(VariableValue.map(labels)).build());
            api.addVariable("Subnets", VariableOptions.builder().key("subnet_ids").value(VariableValue.hcl("[\"subnet-1\", \"subnet-2\"]")).build());
            api.addVariable("LogLevel", VariableOptions.builder().key("TF_LOG").value(VariableValue.string("INFO")).category(VariableCategory.ENV).build());
            api.addVariable("DatadogKey", VariableOptions.builder()
                .key("DD_API_KEY").value(VariableValue.fromReference(datadogApiKey.getStringValue()))
                .category(VariableCategory.ENV).sensitive(true).description("Datadog API key").build());
            // The CI token, as run credentials for the workspace's own runs of other workspaces.
            api.addVariable("TfeToken", VariableOptions.builder()
                .key("TFE_TOKEN").value(VariableValue.fromReference(RunCredentials.fromToken(ciToken).getTokenValue()))
                .category(VariableCategory.ENV).sensitive(true).build());
            api.grantAccess(developers, WorkspaceAccess.WRITE);
            api.grantAccess(deployers, WorkspaceAccess.WRITE);
            api.grantAccess(auditors, WorkspaceAccess.custom(WorkspacePermissions.builder()
                .stateVersions(WorkspaceStateVersionsPermission.READ_OUTPUTS).build()));
            api.triggeredBy(this.networking.member("prod"));
            this.networking.member("prod").shareStateWith(api);
            api.addNotification("Slack", NotificationOptions.builder()
                .name("payments-slack")
                .destination(NotificationDestination.slack(slackWebhook.getStringValue()))
                .triggers(List.of(NotificationTrigger.RUN_ERRORED, NotificationTrigger.RUN_NEEDS_ATTENTION))
                .build());
            // Short-lived AWS credentials for every run, a read-only role for plans.
            api.addDynamicCredentials(DynamicCredentials.aws(AwsDynamicCredentialsOptions.builder()
                .runRoleArn("arn:aws:iam::123456789012:role/payments-api")
                .planRoleArn("arn:aws:iam::123456789012:role/payments-api-readonly")
                .build()));

            // --- A variable set for every payments workspace --------------------------
            VariableSet paymentsDefaults = VariableSet.Builder.create(this, "PaymentsDefaults")
                .organization(acme).name("payments-defaults")
                .description("Defaults for every workspace of the payments project")
                .projects(List.of(payments)).build();
            paymentsDefaults.addVariable("Environment", VariableOptions.builder().key("environment").value(VariableValue.string("production")).build());

            // --- Policies ----------------------------------------------------------------
            // Sentinel, hard-mandatory, on the production member of the networking family.
            Policy noOpenIngress = Policy.Builder.create(this, "NoOpenIngress")
                .organization(acme)
                .name("no-open-ingress")
                .description("Security groups must not allow 0.0.0.0/0 ingress")
                .kind(PolicyKind.SENTINEL)
                .source(PolicySource.inline(String.join("\n",
                    "import \"tfplan/v2\" as tfplan",
                    "rules = filter tfplan.resource_changes as _, rc { rc.type is \"aws_security_group_rule\" }",
                    "main = rule { all rules as _, rc { \"0.0.0.0/0\" not in (rc.change.after.cidr_blocks else []) } }")))
                .enforcementLevel(EnforcementLevel.SENTINEL_HARD_MANDATORY)
                .build();
            PolicySet productionGuardrails = PolicySet.Builder.create(this, "ProductionGuardrails")
                .organization(acme).name("production-guardrails").kind(PolicyKind.SENTINEL)
                .policies(List.of(noOpenIngress)).build();
            productionGuardrails.attachTo(this.networking.member("prod"));

            // OPA, mandatory, on every workspace of the payments project.
            Policy requireTags = Policy.Builder.create(this, "RequireCostCenter")
                .organization(acme)
                .name("require-cost-center")
                .kind(PolicyKind.OPA)
                .query("data.terraform.policies.deny")
                .source(PolicySource.inline(String.join("\n",
                    "package terraform.policies",
                    "deny[msg] { r := input.resource_changes[_]; not r.change.after.tags.cost_center; msg := sprintf(\"%s has no cost_center tag\", [r.address]) }")))
                .enforcementLevel(EnforcementLevel.OPA_MANDATORY)
                .build();
            PolicySet paymentsPolicies = PolicySet.Builder.create(this, "PaymentsPolicies")
                .organization(acme).name("payments-policies").kind(PolicyKind.OPA)
                .policies(List.of(requireTags)).overridable(false).build();
            paymentsPolicies.attachToProject(payments);
        }
    }

    /** The payments team's application stack, whose state lives in the payments-api workspace. */
    public static final class PaymentsAppStack extends TerraformStack {
        public PaymentsAppStack(final Construct scope, final String id, final PlatformStack platform) {
            super(scope, id);
            platform.paymentsApi.bindBackend(this);
            TerraformOutput.Builder.create(this, "deployed_by").value("cdktf deploy payments-app").build();
        }
    }

    /** Adds the example's stacks to an app. */
    public static PlatformStack buildPlatform(final Construct app) {
        PlatformStack platform = new PlatformStack(app, "platform");
        new PaymentsAppStack(app, "payments-app", platform);
        return platform;
    }

    public static void main(final String[] args) {
        Path outdir = Paths.get("cdktf.out").toAbsolutePath();
        App app = App.Builder.create().outdir(outdir.toString()).build();
        buildPlatform(app);
        app.synth();
        System.out.println("Synthesized into " + Paths.get("").toAbsolutePath().relativize(outdir));
    }
}

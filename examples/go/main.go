// The example platform of examples/platform/platform.ts, in Go: same constructs, ids, names
// and options. Synthesizes into examples/go/cdktf.out.
//
//	bash polyglot/run.sh --only go   # generates the Go modules, then runs this with go run
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	tfe "github.com/cdktf-tfe-constructs/cdktf-tfe-constructs-go/cdktftfeconstructs"
	"github.com/cdktf/cdktf-provider-tfe-go/tfe/v12/provider"
	"github.com/hashicorp/terraform-cdk-go/cdktf"
)

func env(name, fallback string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return fallback
}

var (
	hostname     = env("TFE_HOSTNAME", "app.terraform.io")
	organization = env("TFE_ORGANIZATION", "acme-platform")
)

// Platform is the platform team's stack: everything the organization is made of.
type Platform struct {
	Stack       cdktf.TerraformStack
	PaymentsApi tfe.Workspace
	Networking  tfe.WorkspaceGroup
}

func newPlatformStack(scope constructs.Construct, id string) *Platform {
	stack := cdktf.NewTerraformStack(scope, jsii.String(id))
	provider.NewTfeProvider(stack, jsii.String("tfe"), &provider.TfeProviderConfig{Hostname: jsii.String(hostname)})

	// Secrets arrive as sensitive variables, never as literals in the program.
	githubToken := cdktf.NewTerraformVariable(stack, jsii.String("github_token"), &cdktf.TerraformVariableConfig{
		Type: jsii.String("string"), Sensitive: jsii.Bool(true),
		Description: jsii.String("OAuth token of the GitHub machine user that reads the repositories"),
	})
	slackWebhook := cdktf.NewTerraformVariable(stack, jsii.String("slack_webhook_url"), &cdktf.TerraformVariableConfig{
		Type: jsii.String("string"), Sensitive: jsii.Bool(true),
		Description: jsii.String("Slack incoming-webhook URL for the payments channel (a credential)"),
	})
	datadogApiKey := cdktf.NewTerraformVariable(stack, jsii.String("datadog_api_key"), &cdktf.TerraformVariableConfig{
		Type: jsii.String("string"), Sensitive: jsii.Bool(true),
		Description: jsii.String("Datadog API key for the payments workspaces"),
	})

	// --- Organization, members, teams, tokens -------------------------------
	acme := tfe.NewOrganization(stack, jsii.String("Acme"), &tfe.OrganizationProps{
		Name:                jsii.String(organization),
		Email:               jsii.String("platform@acme.example"),
		AssessmentsEnforced: jsii.Bool(true),
		Entitlements:        tfe.Entitlements_TeamAndGovernance().With(&[]tfe.Entitlement{tfe.Entitlement_SSO}),
	})

	alice := acme.InviteMember(jsii.String("Alice"), &tfe.OrganizationMemberOptions{Email: jsii.String("alice@acme.example")})
	bob := acme.InviteMember(jsii.String("Bob"), &tfe.OrganizationMemberOptions{Email: jsii.String("bob@acme.example")})
	carol := acme.InviteMember(jsii.String("Carol"), &tfe.OrganizationMemberOptions{Email: jsii.String("carol@acme.example")})

	admins := acme.AddTeam(jsii.String("PlatformAdmins"), &tfe.TeamOptions{
		Name: jsii.String("platform-admins"), OrganizationAccess: tfe.OrganizationAccess_Administrator(),
		Members: &[]tfe.IOrganizationMember{alice},
	})
	developers := acme.AddTeam(jsii.String("Developers"), &tfe.TeamOptions{
		Name: jsii.String("developers"), OrganizationAccess: tfe.OrganizationAccess_ReadOnly(),
		Members: &[]tfe.IOrganizationMember{bob, carol},
	})
	auditors := acme.AddTeam(jsii.String("Auditors"), &tfe.TeamOptions{
		Name:               jsii.String("auditors"),
		OrganizationAccess: tfe.OrganizationAccess_Custom(&tfe.OrganizationAccessFlags{ReadWorkspaces: jsii.Bool(true), ReadProjects: jsii.Bool(true)}),
		SsoTeamId:          jsii.String("okta-group-auditors"),
	})
	deployers := acme.AddTeam(jsii.String("Deployers"), &tfe.TeamOptions{
		Name: jsii.String("ci-deployers"), OrganizationAccess: tfe.OrganizationAccess_None(),
	})

	// The CI pipeline's credentials: a described team token that expires.
	ciToken := deployers.AddToken(jsii.String("CiToken"), &tfe.TeamTokenOptions{
		Description: jsii.String("github-actions"), ExpiresAt: jsii.String("2027-06-30T00:00:00Z"),
	})
	ciToken.CreateOutput(jsii.String("ci_token"), nil)
	deployers.AddToken(jsii.String("LegacyToken"), nil)
	// The organization token manages the organization; it cannot run applies.
	acme.AddToken(jsii.String("OrgToken"), nil).CreateOutput(jsii.String("organization_token"), nil)

	// --- Projects ------------------------------------------------------------
	platform := acme.AddProject(jsii.String("PlatformProject"), &tfe.ProjectOptions{
		Name: jsii.String("platform"), Description: jsii.String("Shared infrastructure"),
	})
	payments := acme.AddProject(jsii.String("PaymentsProject"), &tfe.ProjectOptions{
		Name: jsii.String("payments"), Tags: &map[string]*string{"cost_center": jsii.String("cc-1234")},
	})
	platform.GrantAccess(admins, tfe.ProjectAccess_ADMIN())
	payments.GrantAccess(developers, tfe.ProjectAccess_WRITE())
	payments.GrantAccess(auditors, tfe.ProjectAccess_Custom(&tfe.CustomProjectAccessOptions{
		Workspaces: &tfe.ProjectWorkspacePermissions{StateVersions: tfe.WorkspaceStateVersionsPermission_READ_OUTPUTS},
	}))

	// --- VCS connection --------------------------------------------------------
	github := tfe.NewOAuthClient(stack, jsii.String("GitHub"), &tfe.OAuthClientProps{
		Organization: acme, ServiceProvider: tfe.VcsProvider_GITHUB, OauthToken: githubToken.StringValue(),
	})

	// --- A prefix family, VCS-driven, promoted dev -> staging -> prod ---------
	networking := tfe.NewWorkspaceGroup(stack, jsii.String("Networking"), &tfe.WorkspaceGroupProps{
		Organization: acme,
		Prefix:       jsii.String("networking-"),
		Members: &[]*tfe.WorkspaceGroupMember{
			{ShortName: jsii.String("dev"), Settings: &tfe.WorkspaceSettingsOptions{AutoApply: jsii.Bool(true)}},
			{ShortName: jsii.String("staging")},
			{ShortName: jsii.String("prod"), Variables: &[]*tfe.VariableOptions{
				{Key: jsii.String("instance_count"), Value: tfe.VariableValue_Number(jsii.Number(6))},
			}},
		},
		Settings: &tfe.WorkspaceSettingsOptions{
			Project:          platform,
			TerraformVersion: jsii.String("~> 1.9.0"),
			ExecutionMode:    tfe.ExecutionMode_Remote(),
			RunWorkflow: tfe.RunWorkflow_Vcs(&tfe.VcsWorkflowOptions{
				Connection: github, Repository: jsii.String("acme/networking"), Branch: jsii.String("main"),
				TriggerPrefixes: jsii.Strings("modules/"),
			}),
		},
		Variables: &[]*tfe.VariableOptions{
			{Key: jsii.String("instance_count"), Value: tfe.VariableValue_Number(jsii.Number(2))},
			{Key: jsii.String("cidr_blocks"), Value: tfe.VariableValue_List(&[]interface{}{"10.0.0.0/16", "10.1.0.0/16"})},
		},
		Promotion: jsii.Bool(true),
	})
	networking.GrantAccess(admins, tfe.WorkspaceAccess_ADMIN())
	networking.GrantAccess(developers, tfe.WorkspaceAccess_PLAN())

	// --- A CLI-driven workspace, bound as the application stack's backend -----
	api := tfe.NewWorkspace(stack, jsii.String("PaymentsApi"), &tfe.WorkspaceProps{
		Organization:  acme,
		Name:          jsii.String("payments-api"),
		Project:       payments,
		Description:   jsii.String("The payments API, deployed from CI with cdktf deploy"),
		RunWorkflow:   tfe.RunWorkflow_CliDriven(),
		ExecutionMode: tfe.ExecutionMode_Local(),
		TagNames:      jsii.Strings("payments", "tier:1"),
	})
	api.AddVariable(jsii.String("Region"), &tfe.VariableOptions{Key: jsii.String("region"), Value: tfe.VariableValue_String(jsii.String("eu-west-1"))})
	api.AddVariable(jsii.String("Replicas"), &tfe.VariableOptions{Key: jsii.String("replicas"), Value: tfe.VariableValue_Number(jsii.Number(3))})
	api.AddVariable(jsii.String("Canary"), &tfe.VariableOptions{Key: jsii.String("canary_enabled"), Value: tfe.VariableValue_Boolean(jsii.Bool(false))})
	// A Go map has no order: jsii sends its keys sorted, so the HCL object lists them sorted
	// (polyglot/compare.js compares HCL objects' entries as a set for Go).
	api.AddVariable(jsii.String("Labels"), &tfe.VariableOptions{Key: jsii.String("labels"), Value: tfe.VariableValue_Map(&map[string]interface{}{
		"team":        "payments",
		"owner:email": "payments@acme.example",
		"motd":        "say \"hi\"\n${not_interpolated}",
	})})
	api.AddVariable(jsii.String("Subnets"), &tfe.VariableOptions{Key: jsii.String("subnet_ids"), Value: tfe.VariableValue_Hcl(jsii.String(`["subnet-1", "subnet-2"]`))})
	api.AddVariable(jsii.String("LogLevel"), &tfe.VariableOptions{
		Key: jsii.String("TF_LOG"), Value: tfe.VariableValue_String(jsii.String("INFO")), Category: tfe.VariableCategory_ENV,
	})
	api.AddVariable(jsii.String("DatadogKey"), &tfe.VariableOptions{
		Key: jsii.String("DD_API_KEY"), Value: tfe.VariableValue_FromReference(datadogApiKey.StringValue()),
		Category: tfe.VariableCategory_ENV, Sensitive: jsii.Bool(true), Description: jsii.String("Datadog API key"),
	})
	// The CI token, as run credentials for the workspace's own runs of other workspaces.
	api.AddVariable(jsii.String("TfeToken"), &tfe.VariableOptions{
		Key: jsii.String("TFE_TOKEN"), Value: tfe.VariableValue_FromReference(tfe.RunCredentials_FromToken(ciToken).TokenValue()),
		Category: tfe.VariableCategory_ENV, Sensitive: jsii.Bool(true),
	})
	api.GrantAccess(developers, tfe.WorkspaceAccess_WRITE())
	api.GrantAccess(deployers, tfe.WorkspaceAccess_WRITE())
	api.GrantAccess(auditors, tfe.WorkspaceAccess_Custom(&tfe.WorkspacePermissions{StateVersions: tfe.WorkspaceStateVersionsPermission_READ_OUTPUTS}))
	api.TriggeredBy(networking.Member(jsii.String("prod")))
	networking.Member(jsii.String("prod")).ShareStateWith(api)
	api.AddNotification(jsii.String("Slack"), &tfe.NotificationOptions{
		Name:        jsii.String("payments-slack"),
		Destination: tfe.NotificationDestination_Slack(slackWebhook.StringValue(), nil),
		Triggers:    &[]tfe.NotificationTrigger{tfe.NotificationTrigger_RUN_ERRORED, tfe.NotificationTrigger_RUN_NEEDS_ATTENTION},
	})
	// Short-lived AWS credentials for every run, a read-only role for plans.
	api.AddDynamicCredentials(tfe.DynamicCredentials_Aws(&tfe.AwsDynamicCredentialsOptions{
		RunRoleArn:  jsii.String("arn:aws:iam::123456789012:role/payments-api"),
		PlanRoleArn: jsii.String("arn:aws:iam::123456789012:role/payments-api-readonly"),
	}))

	// --- A variable set for every payments workspace --------------------------
	paymentsDefaults := tfe.NewVariableSet(stack, jsii.String("PaymentsDefaults"), &tfe.VariableSetProps{
		Organization: acme, Name: jsii.String("payments-defaults"),
		Description: jsii.String("Defaults for every workspace of the payments project"),
		Projects:    &[]tfe.IProject{payments},
	})
	paymentsDefaults.AddVariable(jsii.String("Environment"), &tfe.VariableOptions{Key: jsii.String("environment"), Value: tfe.VariableValue_String(jsii.String("production"))})

	// --- Policies ----------------------------------------------------------------
	// Sentinel, hard-mandatory, on the production member of the networking family.
	noOpenIngress := tfe.NewPolicy(stack, jsii.String("NoOpenIngress"), &tfe.PolicyProps{
		Organization: acme,
		Name:         jsii.String("no-open-ingress"),
		Description:  jsii.String("Security groups must not allow 0.0.0.0/0 ingress"),
		Kind:         tfe.PolicyKind_SENTINEL,
		Source: tfe.PolicySource_Inline(jsii.String(strings.Join([]string{
			`import "tfplan/v2" as tfplan`,
			`rules = filter tfplan.resource_changes as _, rc { rc.type is "aws_security_group_rule" }`,
			`main = rule { all rules as _, rc { "0.0.0.0/0" not in (rc.change.after.cidr_blocks else []) } }`,
		}, "\n"))),
		EnforcementLevel: tfe.EnforcementLevel_SENTINEL_HARD_MANDATORY(),
	})
	productionGuardrails := tfe.NewPolicySet(stack, jsii.String("ProductionGuardrails"), &tfe.PolicySetProps{
		Organization: acme, Name: jsii.String("production-guardrails"), Kind: tfe.PolicyKind_SENTINEL,
		Policies: &[]tfe.IPolicy{noOpenIngress},
	})
	productionGuardrails.AttachTo(networking.Member(jsii.String("prod")))

	// OPA, mandatory, on every workspace of the payments project.
	requireTags := tfe.NewPolicy(stack, jsii.String("RequireCostCenter"), &tfe.PolicyProps{
		Organization: acme,
		Name:         jsii.String("require-cost-center"),
		Kind:         tfe.PolicyKind_OPA,
		Query:        jsii.String("data.terraform.policies.deny"),
		Source: tfe.PolicySource_Inline(jsii.String(strings.Join([]string{
			"package terraform.policies",
			`deny[msg] { r := input.resource_changes[_]; not r.change.after.tags.cost_center; msg := sprintf("%s has no cost_center tag", [r.address]) }`,
		}, "\n"))),
		EnforcementLevel: tfe.EnforcementLevel_OPA_MANDATORY(),
	})
	paymentsPolicies := tfe.NewPolicySet(stack, jsii.String("PaymentsPolicies"), &tfe.PolicySetProps{
		Organization: acme, Name: jsii.String("payments-policies"), Kind: tfe.PolicyKind_OPA,
		Policies: &[]tfe.IPolicy{requireTags}, Overridable: jsii.Bool(false),
	})
	paymentsPolicies.AttachToProject(payments)

	return &Platform{Stack: stack, PaymentsApi: api, Networking: networking}
}

// newPaymentsAppStack is the payments team's application stack, whose state lives in the
// payments-api workspace (remote backend, by name).
func newPaymentsAppStack(scope constructs.Construct, id string, platform *Platform) cdktf.TerraformStack {
	stack := cdktf.NewTerraformStack(scope, jsii.String(id))
	platform.PaymentsApi.BindBackend(stack, nil)
	cdktf.NewTerraformOutput(stack, jsii.String("deployed_by"), &cdktf.TerraformOutputConfig{Value: jsii.String("cdktf deploy payments-app")})
	return stack
}

func main() {
	outdir, _ := filepath.Abs("cdktf.out")
	app := cdktf.NewApp(&cdktf.AppConfig{Outdir: jsii.String(outdir)})
	platform := newPlatformStack(app, "platform")
	newPaymentsAppStack(app, "payments-app", platform)
	app.Synth()
	fmt.Println("Synthesized into cdktf.out")
}

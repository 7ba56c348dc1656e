/**
 * Where the suite's server, OTF 0.6.3, answers differently from HCP Terraform
 * / Terraform Enterprise, as the deploy and plan tiers observe it. Each entry
 * cites the OTF source file (leg100/otf, tag v0.6.3, commit
 * ed29978fe5a655e1a1081518b19df353770db140) that explains it. The list is
 * asserted both ways: a difference not on it fails the run (a library bug
 * until shown otherwise), and an entry that no longer occurs fails it too.
 */

/** The OTF release the citations refer to. */
export const OTF_SOURCE = 'leg100/otf v0.6.3 (ed29978fe5a655e1a1081518b19df353770db140)';

/** An attribute that shows a change in the plan right after a clean apply. */
export interface Deviation {
  /** The resource type, e.g. `tfe_team`. */
  readonly resourceType: string;
  /** The attribute, nested blocks joined with dots, e.g. `organization_access.read_workspaces`. */
  readonly attribute: string;
  /** The value the server answers (the plan's "before"). */
  readonly served: unknown;
  /** The value the configuration asks for (the plan's "after"). */
  readonly configured: unknown;
  /** Why. */
  readonly why: string;
  /** The OTF source files that explain it. */
  readonly sources: string[];
}

export const DEVIATIONS: Deviation[] = [
  {
    resourceType: 'tfe_organization',
    attribute: 'speculative_plan_management_enabled',
    served: false,
    configured: true,
    why: 'OTF\'s organization has no speculative-plan-management-enabled attribute, so the provider reads false; its default is true',
    sources: ['internal/organization/tfe_types.go'],
  },
  {
    resourceType: 'tfe_organization',
    attribute: 'owners_team_saml_role_id',
    served: '-',
    configured: null,
    why: 'OTF types owners-team-saml-role-id as a resource ID and sends the empty ID, which prints as "-"',
    sources: ['internal/organization/tfe_types.go', 'internal/resource/tfe_id.go'],
  },
  {
    resourceType: 'tfe_team',
    attribute: 'allow_member_token_management',
    served: false,
    configured: true,
    why: 'OTF\'s team has no allow-member-token-management attribute, so the provider reads false; its default is true',
    sources: ['internal/team/tfe_types.go'],
  },
  {
    resourceType: 'tfe_team',
    attribute: 'organization_access.read_workspaces',
    served: false,
    configured: true,
    why: 'OTF keeps six organization-access flags (manage workspaces, VCS settings, modules, providers, policies, policy overrides) and answers false for the others',
    sources: ['internal/team/api/tfe.go'],
  },
  {
    resourceType: 'tfe_variable_set',
    attribute: 'priority',
    served: false,
    configured: true,
    why: 'OTF creates variable sets from name, description and global only; an update echoes priority without storing it',
    sources: ['internal/variable/api/tfe.go'],
  },
  {
    resourceType: 'tfe_workspace',
    attribute: 'file_triggers_enabled',
    served: false,
    configured: true,
    why: 'OTF answers file-triggers-enabled true exactly when trigger prefixes or patterns are set; the provider\'s default is true',
    sources: ['internal/workspace/tfe_types.go'],
  },
  {
    resourceType: 'tfe_workspace',
    attribute: 'tags',
    served: {},
    configured: { team: 'app' },
    why: 'OTF keeps tag names only: its workspace has no key-value tags, so the provider reads an empty map',
    sources: ['internal/workspace/tfe_types.go'],
  },
  {
    resourceType: 'tfe_oauth_client',
    attribute: 'organization_scoped',
    served: false,
    configured: true,
    why: 'OTF\'s OAuth client has no organization-scoped attribute, so the provider reads false; its default is true',
    sources: ['internal/vcs/tfe_types.go'],
  },
];

/**
 * What provider 0.71.0 itself plans for an object right after its import,
 * on any server: attributes the import leaves null that the configuration
 * (or the provider's default) sets. The adoption tier allows them in the
 * first plan only (the apply settles them without touching the object on the
 * platform), and never in the plan after it. Cited from
 * hashicorp/terraform-provider-tfe v0.71.0.
 */
export const IMPORT_ARTIFACTS: Deviation[] = [
  {
    resourceType: 'tfe_workspace',
    attribute: 'force_delete',
    served: null,
    configured: false,
    why: 'force_delete is a provider setting (default false) the API does not hold, so an import leaves it null; the update that sets it calls no API, since the update sends the workspace only when an API attribute changed',
    sources: ['internal/provider/resource_tfe_workspace.go (schema "force_delete", resourceTFEWorkspaceUpdate)'],
  },
  {
    resourceType: 'tfe_variable',
    attribute: 'value',
    served: null,
    configured: '',
    why: 'the API never returns a sensitive value, and Read carries forward the last known one, which an import does not have; with ignore_changes = [value] (initialValueOnly) the plan keeps the prior null, which the framework plans as the default "", and Update sends a value only when the planned one differs from the state\'s, so the secret on the platform is kept',
    sources: ['internal/provider/resource_tfe_variable.go (modelFromTFEVariable, schema "value" default, Update)'],
  },
];

/**
 * Differences the adoption tier's plan after the import apply shows, beyond
 * DEVIATIONS: they need an update of an imported workspace, which the other
 * tiers never make. Asserted both ways there.
 */
export const ADOPTION_DEVIATIONS: Deviation[] = [
  {
    resourceType: 'tfe_workspace_settings',
    attribute: 'global_remote_state',
    served: true,
    configured: false,
    why: 'OTF does not serve /workspaces/:id/relationships/remote-state-consumers; on its 404 provider 0.71.0\'s tfe_workspace read assumes global remote state on ' +
      '(terraform-provider-tfe internal/provider/workspace_helpers.go, readWorkspaceStateConsumers), and the update the import apply makes ' +
      '(file_triggers_enabled, force_delete) sends that back',
    sources: ['internal/workspace/api/tfe.go (its routes: no remote-state-consumers)'],
  },
];

/** The listed adoption deviation a change is, if any. */
export function adoptionDeviation(resourceType: string, change: AttributeChange): Deviation | undefined {
  return ADOPTION_DEVIATIONS.find((d) => d.resourceType === resourceType && d.attribute === change.attribute &&
    sameValue(d.served, change.before) && sameValue(d.configured, change.after));
}

/**
 * An update OTF refuses at apply time that HCP Terraform / Terraform
 * Enterprise accept: the provider's variable update always sends the key, and
 * OTF refuses any key in an update of a sensitive variable, even the same one,
 * with a 500 the provider retries for about six minutes. After the import of
 * a sensitive variable the provider plans the update of IMPORT_ARTIFACTS
 * (value null -> ""): on OTF the adoption tier imports those variables with
 * `terraform import` (which updates nothing), and the update stays planned.
 */
export const APPLY_REFUSALS = [
  {
    resourceType: 'tfe_variable',
    error: 'changing the key of a sensitive variable is not allowed',
    why: 'OTF refuses an update of a sensitive variable that carries its key, although the key is unchanged (the provider always sends it)',
    sources: ['internal/variable/variable.go (Variable.update)'],
  },
];

/** Whether a change is a listed import artifact (see IMPORT_ARTIFACTS). */
export function importArtifact(resourceType: string, change: AttributeChange): boolean {
  return IMPORT_ARTIFACTS.some((d) => d.resourceType === resourceType && d.attribute === change.attribute &&
    sameValue(d.served, change.before) && sameValue(d.configured, change.after));
}

/** One attribute's change in a plan. */
export interface AttributeChange {
  readonly attribute: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * Attributes whose value differs between a plan's before and after (unknown
 * values skipped). Nested blocks (a list of one object, like
 * `organization_access`) are compared attribute by attribute, as dotted paths;
 * any other value, maps included, as a whole.
 */
export function changedAttributes(before: any, after: any, unknown: any, prefix = ''): AttributeChange[] {
  const isObject = (v: any) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const changes: AttributeChange[] = [];
  for (const key of [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort()) {
    const [b, a, u] = [before?.[key], after?.[key], isObject(unknown) ? unknown[key] : undefined];
    const attribute = prefix ? `${prefix}.${key}` : key;
    if (u === true || sameValue(b, a)) continue;
    if (Array.isArray(b) && Array.isArray(a) && b.length === 1 && a.length === 1 && isObject(b[0]) && isObject(a[0])) {
      changes.push(...changedAttributes(b[0], a[0], Array.isArray(u) ? u[0] : undefined, attribute));
    } else {
      changes.push({ attribute, before: b, after: a });
    }
  }
  return changes;
}

/** The listed deviation that explains a change of a resource of this type, if any. */
export function listedDeviation(resourceType: string, change: AttributeChange): Deviation | undefined {
  return DEVIATIONS.find((d) => d.resourceType === resourceType && d.attribute === change.attribute &&
    sameValue(d.served, change.before) && sameValue(d.configured, change.after));
}

/**
 * What in a planned resource change is not explained by the list: any action
 * but an in-place update, and any updated attribute not listed.
 *
 * @param allowed whether an updated attribute is explained (default: a listed
 *        server deviation); a caller may count what it allows
 */
export function unlistedChanges(rc: any, allowed: (change: AttributeChange) => boolean = (c) => listedDeviation(rc.type, c) !== undefined): string[] {
  const actions: string[] = rc.change.actions;
  if (actions.join() === 'no-op' || actions.join() === 'read') return [];
  if (actions.join() !== 'update') return [`${rc.address} plans ${actions.join('+')}`];
  return changedAttributes(rc.change.before, rc.change.after, rc.change.after_unknown)
    .filter((c) => !allowed(c))
    .map((c) => `${rc.address}: ${describe(c)} (not a listed deviation)`);
}

export function describe(change: AttributeChange): string {
  return `${change.attribute}: ${JSON.stringify(change.before)} -> ${JSON.stringify(change.after)}`;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** A plan-time error the plan tier expects, because the server does not serve what a lookup reads. */
export interface ExpectedPlanError {
  /** The synthesized app and stack, e.g. `fixture/fixture`. */
  readonly stack: string;
  /** The start of the diagnostic's address. */
  readonly addressPrefix: string;
  /** The diagnostic's summary. */
  readonly summary: RegExp;
  /** Why. */
  readonly why: string;
  /** The OTF source files that explain it. */
  readonly sources: string[];
}

export const PLAN_ERRORS: ExpectedPlanError[] = [
  {
    stack: 'fixture/fixture',
    addressPrefix: 'data.tfe_github_app_installation.',
    summary: /Github App Installation/i,
    why: 'GitHub App installations are not in OTF\'s API (its GitHub App is set up in the web UI only), so the lookup by installation ID, read at plan time, finds nothing',
    sources: ['internal/github/ui/handlers.go'],
  },
];

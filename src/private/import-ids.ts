import { IConstruct } from 'constructs';
import { TerraformProvider, TerraformResource, TerraformStack, Token, ValidateTerraformVersion } from './framework';
import { fail, quote } from './validation';

/**
 * The import ID each resource type of provider 0.71.0 accepts, from the
 * "Import" section of its page (`website/docs/r/<type>.html.markdown`) and
 * its importer (`internal/provider/resource_tfe_<type>.go`) at tag v0.71.0.
 * A type listed with a reason has no importer in 0.71.0.
 */
interface ImportForms {
  /** The documented forms, as the page writes them. */
  readonly forms: string[];
  /** One pattern per form. */
  readonly patterns: RegExp[];
}

const ORG = '[A-Za-z0-9_-]+';
const WS = '[A-Za-z0-9_-]+';
// Names that may hold spaces and most punctuation, never a slash (the separator).
const FREE = '[^/]+';
const id = (prefix: string) => `${prefix}-[A-Za-z0-9]+`;

function forms(...pairs: [string, string][]): ImportForms {
  return { forms: pairs.map(([text]) => text), patterns: pairs.map(([, pattern]) => new RegExp(`^${pattern}$`)) };
}

const IMPORT_FORMS: Record<string, ImportForms | string> = {
  tfe_organization: forms(['<ORGANIZATION NAME>', ORG]),
  tfe_organization_default_settings: forms(['<ORGANIZATION NAME>', ORG]),
  tfe_organization_token: forms(['<ORGANIZATION NAME>', ORG]),
  tfe_organization_membership: forms(['<ORGANIZATION>/<USER EMAIL>', `${ORG}/[^/@\\s]+@[^/\\s]+`], ['<ORGANIZATION MEMBERSHIP ID>', id('ou')]),
  tfe_organization_run_task: forms(['<ORGANIZATION NAME>/<TASK NAME>', `${ORG}/${FREE}`]),
  tfe_organization_run_task_global_settings: forms(['<ORGANIZATION NAME>/<TASK NAME>', `${ORG}/${FREE}`]),
  tfe_team: forms(['<ORGANIZATION NAME>/<TEAM ID>', `${ORG}/${id('team')}`], ['<ORGANIZATION NAME>/<TEAM NAME>', `${ORG}/${FREE}`]),
  tfe_team_organization_members: forms(['<TEAM ID>', id('team')]),
  tfe_team_token: forms(['<TOKEN ID>', id('at')], ['<TEAM ID>', id('team')]),
  tfe_team_project_access: forms(['<TEAM PROJECT ACCESS ID>', id('tprj')]),
  tfe_team_access: forms(['<ORGANIZATION NAME>/<WORKSPACE NAME>/<TEAM ACCESS ID>', `${ORG}/${WS}/${id('tws')}`]),
  tfe_team_notification_configuration: forms(['<NOTIFICATION CONFIGURATION ID>', id('nc')]),
  tfe_notification_configuration: forms(['<NOTIFICATION CONFIGURATION ID>', id('nc')]),
  tfe_project: forms(['<PROJECT ID>', id('prj')]),
  tfe_project_settings: forms(['<PROJECT ID>', id('prj')]),
  tfe_project_variable_set: forms(['<ORGANIZATION>/<PROJECT ID>/<VARIABLE SET NAME>', `${ORG}/${id('prj')}/${FREE}`]),
  tfe_project_policy_set: forms(['<ORGANIZATION>/<PROJECT ID>/<POLICY SET NAME>', `${ORG}/${id('prj')}/${FREE}`]),
  tfe_project_oauth_client: forms(['<ORGANIZATION>/<PROJECT ID>/<OAUTH CLIENT NAME>', `${ORG}/${id('prj')}/${FREE}`]),
  tfe_workspace: forms(['<WORKSPACE ID>', id('ws')], ['<ORGANIZATION NAME>/<WORKSPACE NAME>', `${ORG}/${WS}`]),
  tfe_workspace_settings: forms(['<WORKSPACE ID>', id('ws')], ['<ORGANIZATION>/<WORKSPACE NAME>', `${ORG}/${WS}`]),
  tfe_variable: forms(
    ['<ORGANIZATION NAME>/<WORKSPACE NAME>/<VARIABLE ID>', `${ORG}/${WS}/${id('var')}`],
    ['<ORGANIZATION NAME>/<VARIABLE SET ID>/<VARIABLE ID>', `${ORG}/${id('varset')}/${id('var')}`]),
  tfe_variable_set: forms(['<VARIABLE SET ID>', id('varset')]),
  tfe_workspace_variable_set: forms(['<ORGANIZATION>/<WORKSPACE NAME>/<VARIABLE SET NAME>', `${ORG}/${WS}/${FREE}`]),
  tfe_run_trigger: forms(['<RUN TRIGGER ID>', id('rt')]),
  tfe_agent_pool: forms(['<AGENT POOL ID>', id('apool')], ['<ORGANIZATION NAME>/<AGENT POOL NAME>', `${ORG}/${FREE}`]),
  tfe_agent_pool_allowed_workspaces: forms(['<AGENT POOL ID>', id('apool')]),
  tfe_agent_pool_allowed_projects: forms(['<AGENT POOL ID>', id('apool')]),
  tfe_agent_pool_excluded_workspaces: forms(['<AGENT POOL ID>', id('apool')]),
  tfe_policy: forms(['<ORGANIZATION NAME>/<POLICY ID>', `${ORG}/${id('pol')}`]),
  tfe_policy_set: forms(['<POLICY SET ID>', id('polset')]),
  tfe_policy_set_parameter: forms(['<POLICY SET ID>/<PARAMETER ID>', `${id('polset')}/${id('var')}`]),
  tfe_workspace_policy_set: forms(['<ORGANIZATION>/<WORKSPACE NAME>/<POLICY SET NAME>', `${ORG}/${WS}/${FREE}`]),
  tfe_workspace_policy_set_exclusion: forms(['<ORGANIZATION>/<WORKSPACE NAME>/<POLICY SET NAME>', `${ORG}/${WS}/${FREE}`]),
  tfe_workspace_run_task: forms(['<ORGANIZATION>/<WORKSPACE NAME>/<TASK NAME>', `${ORG}/${WS}/${FREE}`]),
  tfe_registry_module: forms(
    ['<ORGANIZATION>/<REGISTRY_NAME>/<NAMESPACE>/<REGISTRY MODULE NAME>/<REGISTRY MODULE PROVIDER>/<REGISTRY MODULE ID>',
      `${ORG}/(private|public)/${FREE}/${FREE}/${FREE}/${id('mod')}`]),
  tfe_no_code_module: forms(['<NO CODE MODULE ID>', id('nocode')]),
  tfe_oauth_client: 'provider 0.71.0 has no importer for tfe_oauth_client (its OAuth token and private key cannot be read back); refer to the existing client with OAuthClient.fromOAuthTokenId(...) or OAuthClient.fromName(...) instead',
  tfe_ssh_key: 'the API does not return the private key, so provider 0.71.0 cannot import tfe_ssh_key (website/docs/r/ssh_key.html.markdown); refer to the existing key with SshKey.fromSshKeyId(...) instead',
  tfe_test_variable: 'provider 0.71.0 has no importer for tfe_test_variable; let the library create the test variable, or delete the existing one first',
  tfe_agent_token: 'provider 0.71.0 has no importer for tfe_agent_token (a token\'s secret cannot be read back); create a new token with pool.addToken(...) and revoke the old one',
};

/** How `type` is imported: its documented forms, or why it cannot be. */
export function importFormsOf(type: string): { readonly forms: string[] } | string | undefined {
  return IMPORT_FORMS[type];
}

/**
 * Refuses an import ID that is not literal or not of a form the resource type
 * documents, or an import of a type the provider cannot import. Types this
 * library does not write are not checked.
 */
export function checkImportId(resource: IConstruct & { readonly terraformResourceType: string }, importId: unknown): void {
  const type = resource.terraformResourceType;
  const known = IMPORT_FORMS[type];
  if (known === undefined) return;
  if (typeof known === 'string') fail(resource, 'TFE-IMP-003', `${type} cannot be imported: ${known}.`);
  if (typeof importId !== 'string' || Token.isUnresolved(importId)) {
    fail(resource, 'TFE-IMP-002',
      `the import ID of ${type} must be known when the program runs, got ${typeof importId === 'string' ? 'a value known only at plan time' : quote(importId)}: ` +
      'Terraform 1.5 and OpenTofu accept a literal import ID only; write the ID itself.');
  }
  if (!known.patterns.some((p) => p.test(importId))) {
    fail(resource, 'TFE-IMP-001',
      `import ID ${quote(importId)} is not of a form ${type} accepts: use ${known.forms.map((f) => `\`${f}\``).join(' or ')} ` +
      `(provider 0.71.0, website/docs/r/${type.replace(/^tfe_/, '')}.html.markdown).`);
  }
}

/**
 * A resource class whose `importFrom` checks the ID first (see
 * `checkImportId`): a wrong ID fails when the program runs, naming the
 * resource, instead of at `terraform plan`.
 */
export function withImportCheck<T extends new (...args: any[]) => TerraformResource>(base: T): T {
  return class extends base {
    public importFrom(importId: string, provider?: TerraformProvider): void {
      recordImport(this, importId, provider);
    }
  };
}

const versionChecked = new WeakSet<TerraformStack>();

/**
 * What cdktf's `importFrom` does, checked first (`checkImportId`), with one
 * Terraform version check (>= 1.5, import blocks) per stack: cdktf adds one
 * per imported resource, and each runs `terraform version`, which made an
 * adoption of 2,000 resources take minutes to synthesize.
 */
export function recordImport(resource: TerraformResource, importId: string, provider?: TerraformProvider): void {
  checkImportId(resource, importId);
  // The field cdktf's importFrom sets and its toTerraform/toHclTerraform read (cdktf 0.21).
  (resource as any)._imported = { id: importId, provider };
  const stack = TerraformStack.of(resource);
  if (!versionChecked.has(stack)) {
    versionChecked.add(stack);
    stack.node.addValidation(new ValidateTerraformVersion('>=1.5', 'Import blocks are only supported for Terraform >=1.5. Please upgrade your Terraform version.'));
  }
}

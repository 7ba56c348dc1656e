import { Construct } from 'constructs';
import { withCompactStrings } from './compact-strings';
import { TerraformResource, TerraformResourceLifecycle, workspaceVcsRepoToHclTerraform, workspaceVcsRepoToTerraform } from './framework';
import { withImportCheck } from './import-ids';
import { Schema, schemaToHcl, schemaToJson, TFE_GENERATOR_METADATA } from './resource-schema';

/**
 * The `tfe_workspace` arguments a `Workspace` sets, in the provider's order.
 */
const WORKSPACE_SCHEMA: Schema = {
  allow_destroy_plan: { kind: 'boolean' },
  assessments_enabled: { kind: 'boolean' },
  auto_apply: { kind: 'boolean' },
  auto_apply_run_trigger: { kind: 'boolean' },
  auto_destroy_activity_duration: { kind: 'string' },
  auto_destroy_at: { kind: 'string' },
  description: { kind: 'string' },
  file_triggers_enabled: { kind: 'boolean' },
  force_delete: { kind: 'boolean' },
  ignore_additional_tags: { kind: 'boolean' },
  name: { kind: 'string' },
  organization: { kind: 'string' },
  project_id: { kind: 'string' },
  queue_all_runs: { kind: 'boolean' },
  speculative_enabled: { kind: 'boolean' },
  ssh_key_id: { kind: 'string' },
  structured_run_output_enabled: { kind: 'boolean' },
  tag_names: { kind: 'set' },
  tags: { kind: 'map' },
  terraform_version: { kind: 'string' },
  trigger_patterns: { kind: 'list' },
  trigger_prefixes: { kind: 'list' },
  working_directory: { kind: 'string' },
  vcs_repo: { kind: 'block', many: false, storageClassType: 'WorkspaceVcsRepoList', json: workspaceVcsRepoToTerraform, hcl: workspaceVcsRepoToHclTerraform },
};

/**
 * The `tfe_workspace_settings` arguments a `Workspace` sets.
 */
const WORKSPACE_SETTINGS_SCHEMA: Schema = {
  agent_pool_id: { kind: 'string' },
  execution_mode: { kind: 'string' },
  global_remote_state: { kind: 'boolean' },
  remote_state_consumer_ids: { kind: 'set' },
  workspace_id: { kind: 'string' },
};

/**
 * A resource written through a schema: it synthesizes like the provider's L1
 * class for the arguments it has, without the output references the L1
 * class creates up front (see `resource-schema.ts`), and with its logical id
 * and metadata path stored compactly (see `compact-strings.ts`).
 */
abstract class SchemaResource extends withImportCheck(withCompactStrings(TerraformResource)) {
  protected constructor(
    scope: Construct,
    id: string,
    terraformResourceType: string,
    private readonly schema: Schema,
    /** The arguments, by Terraform name; may be changed until synthesis. */
    public readonly args: Record<string, unknown>,
    lifecycle?: TerraformResourceLifecycle,
  ) {
    super(scope, id, { terraformResourceType, terraformGeneratorMetadata: TFE_GENERATOR_METADATA, lifecycle });
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return schemaToJson(this.schema, this.args);
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return schemaToHcl(this.schema, this.args);
  }
}

/**
 * The `tfe_workspace` resource of a `Workspace`.
 */
export class WorkspaceResource extends SchemaResource {
  constructor(scope: Construct, id: string, args: Record<string, unknown>, lifecycle?: TerraformResourceLifecycle) {
    super(scope, id, 'tfe_workspace', WORKSPACE_SCHEMA, args, lifecycle);
  }
}

/**
 * The `tfe_workspace_settings` resource of a `Workspace`.
 */
export class WorkspaceSettingsResource extends SchemaResource {
  constructor(scope: Construct, id: string, args: Record<string, unknown>) {
    super(scope, id, 'tfe_workspace_settings', WORKSPACE_SETTINGS_SCHEMA, args);
  }
}

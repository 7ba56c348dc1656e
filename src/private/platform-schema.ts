/**
 * The platform file's format (see `platform-file.ts`), as a JSON Schema: the
 * one definition the loader validates documents against and the published
 * `schema/platform-file.schema.json` is written from (`test/platform-file.test.ts`
 * checks that the published file is this one; `UPDATE_PLATFORM_SCHEMA=1`
 * rewrites it).
 */

/** The JSON Schema subset the loader checks. */
export interface SchemaNode {
  readonly type?: 'object' | 'array' | 'string' | 'boolean';
  readonly description?: string;
  readonly properties?: { readonly [name: string]: SchemaNode };
  readonly required?: string[];
  readonly additionalProperties?: boolean;
  readonly items?: SchemaNode;
  readonly enum?: string[];
  readonly minLength?: number;
  readonly $ref?: string;
  readonly oneOf?: { readonly required: string[] }[];
}

const str = (description: string, extra: Partial<SchemaNode> = {}): SchemaNode => ({ type: 'string', description, ...extra });
const bool = (description: string): SchemaNode => ({ type: 'boolean', description });
const list = (items: SchemaNode, description: string): SchemaNode => ({ type: 'array', items, description });
const obj = (description: string, properties: { [name: string]: SchemaNode }, required: string[] = []): SchemaNode =>
  ({ type: 'object', description, properties, required, additionalProperties: false });
const ACCESS = ['read', 'write', 'maintain', 'admin'];

const VARIABLE = obj('A variable. Sensitive values are never in the file: give them with valueFrom.', {
  key: str('The variable\'s name.', { minLength: 1 }),
  value: str('The value, as text (plain values only: a sensitive variable takes valueFrom).'),
  valueFrom: obj('Where the value comes from when the program runs.', {
    variable: str('The name of a Terraform input variable of the stack (TF_VAR_<name>); declared once, sensitive when the variable is.', { minLength: 1 }),
  }, ['variable']),
  category: { type: 'string', enum: ['terraform', 'env'], description: 'A Terraform variable (default) or an environment variable.' },
  hcl: bool('Whether the value is an HCL expression (Terraform variables only).'),
  sensitive: bool('Whether the value is write-only on the platform (then valueFrom is required).'),
  description: str('What the variable is for.'),
}, ['key']);

const SETTINGS = obj('Workspace settings.', {
  description: str('The workspace\'s description.'),
  terraformVersion: str('The Terraform version, e.g. "1.9.8" or "~> 1.9".'),
  workingDirectory: str('The directory Terraform runs in, relative to the repository or upload.'),
  autoApply: bool('Apply after a successful plan without confirmation.'),
  queueAllRuns: bool('Queue runs before the first configuration is uploaded.'),
  speculativeEnabled: bool('Run speculative plans for pull requests.'),
  allowDestroyPlan: bool('Allow destroy plans.'),
  tagNames: list(str('A tag.'), 'Tag names.'),
  executionMode: { type: 'string', enum: ['remote', 'local'], description: 'Where runs execute.' },
});

export const PLATFORM_SCHEMA: SchemaNode & { $schema: string; $id: string; title: string } = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/cdktf-tfe-constructs/cdktf-tfe-constructs/schema/platform-file.schema.json',
  title: 'cdktf-tfe-constructs platform file',
  ...obj('Tenants of an HCP Terraform / Terraform Enterprise organization, with their teams, workspaces, variables and access.', {
    organization: str('The organization\'s name (used when the program does not pass an organization).'),
    teams: list(obj('A team shared by tenants.', {
      name: str('The team\'s name.', { minLength: 1 }),
      ssoTeamId: str('The ID of the identity provider\'s group the team mirrors.'),
      visibility: { type: 'string', enum: ['secret', 'organization'], description: 'Who can see the team.' },
    }, ['name']), 'Teams that tenants grant access to.'),
    variableSets: list(obj('A variable set tenants apply to their projects.', {
      name: str('The set\'s name.', { minLength: 1 }),
      description: str('What the set is for.'),
      priority: bool('Whether the set\'s values override workspace variables.'),
      variables: list(VARIABLE, 'The set\'s variables.'),
    }, ['name']), 'Variable sets.'),
    tenants: list(obj('A tenant: a project, its team, environment workspaces and a management workspace.', {
      id: str('The construct id (default: the name in PascalCase). Keep it when renaming the tenant: addresses stay.', { minLength: 1 }),
      name: str('The tenant\'s name: project, team and workspace prefix.', { minLength: 1 }),
      description: str('The project\'s description.'),
      team: obj('The tenant\'s own team.', {
        name: str('The team\'s name (default: the tenant\'s).', { minLength: 1 }),
        access: { type: 'string', enum: ACCESS, description: 'The team\'s access to the project (default maintain).' },
        ssoTeamId: str('The ID of the identity provider\'s group the team mirrors.'),
        visibility: { type: 'string', enum: ['secret', 'organization'], description: 'Who can see the team.' },
      }),
      teams: list(obj('Another team\'s access to the project.', {
        team: str('The name of a team of the top-level teams list.', { minLength: 1 }),
        access: { type: 'string', enum: ACCESS, description: 'Its access to the project.' },
      }, ['team', 'access']), 'Other teams\' access to the project.'),
      environments: list(str('A short name: the workspace is <tenant>-<short name>.'), 'The environment workspaces, in promotion order (default dev, prod).'),
      settings: SETTINGS,
      managementWorkspace: bool('Whether the tenant gets <tenant>-management with a team token as TFE_TOKEN (default true).'),
      tokenExpiresAt: str('When the management token expires (RFC 3339).'),
      variables: list(VARIABLE, 'Variables of every environment workspace.'),
      variableSets: list(str('The name of a variable set of the top-level list.'), 'Variable sets applied to the project.'),
      workspaces: list(obj('A workspace of the tenant besides its environments.', {
        name: str('The workspace\'s name.', { minLength: 1 }),
        movedFrom: str('The id of the tenant the workspace belonged to: its objects move, nothing is replaced.', { minLength: 1 }),
        settings: SETTINGS,
        variables: list(VARIABLE, 'The workspace\'s variables.'),
      }, ['name']), 'Other workspaces in the tenant\'s project.'),
    }, ['name']), 'The tenants.'),
  }, ['tenants']),
};

/** A problem with a document: where (a path of keys and indexes) and what. */
export interface SchemaProblem {
  readonly path: (string | number)[];
  readonly detail: string;
}

/** Checks `value` against `schema`: every problem, not only the first. */
export function checkSchema(value: unknown, schema: SchemaNode = PLATFORM_SCHEMA, path: (string | number)[] = []): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const where = path.length ? formatPath(path) : 'the document';
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (schema.type && actual !== schema.type) {
    return [{ path, detail: `${where} is ${actual === 'object' ? 'a map' : `a ${actual}`}, expected ${schema.type === 'object' ? 'a map' : `a ${schema.type}`}` }];
  }
  if (schema.enum && !schema.enum.includes(value as string)) {
    problems.push({ path, detail: `${where} is ${JSON.stringify(value)}, expected one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}` });
  }
  if (schema.minLength !== undefined && typeof value === 'string' && value.length < schema.minLength) {
    problems.push({ path, detail: `${where} is empty` });
  }
  if (schema.type === 'array' && schema.items) {
    (value as unknown[]).forEach((item, i) => problems.push(...checkSchema(item, schema.items, [...path, i])));
  }
  if (schema.type === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (record[key] === undefined) problems.push({ path, detail: `${where} has no ${key}, which is required` });
    }
    for (const [key, v] of Object.entries(record)) {
      const sub = schema.properties?.[key];
      if (!sub) {
        if (schema.additionalProperties === false) {
          problems.push({ path: [...path, key], detail: `${formatPath([...path, key])} is not a field here: the fields are ${Object.keys(schema.properties ?? {}).join(', ')}` });
        }
        continue;
      }
      problems.push(...checkSchema(v, sub, [...path, key]));
    }
  }
  return problems;
}

/** `['tenants', 3, 'workspaces', 1, 'name']` -> `tenants[3].workspaces[1].name`. */
export function formatPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * Shared test fixtures: a stack with the tfe provider, an organization, and
 * readers for errors and annotations.
 */
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { Workspace as TfeWorkspace } from '@cdktf/provider-tfe/lib/workspace';
import { App, TerraformResource, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import 'cdktf/lib/testing/adapters/jest';
import { DynamicCredentials, Errors, IOrganization, IVariableSet, IWorkspace, Organization, Variable, VariableOptions } from '../src';
import { resolveValue } from '../src/private/validation';

/**
 * A stack `test` in a fresh test app, with the tfe provider; `now` fixes the
 * library's clock (`Clock.CONTEXT_KEY`).
 */
export function newStack(now?: string): TerraformStack {
  const app = Testing.app(now === undefined ? {} : { context: { 'cdktf-tfe-constructs:now': now } });
  const stack = new TerraformStack(app, 'test');
  new TfeProvider(stack, 'tfe', {});
  return stack;
}

/** An organization `acme` (id `Acme`) in `stack`. */
export function newOrg(stack: TerraformStack, name = 'acme', id = 'Acme'): Organization {
  return new Organization(stack, id, { name, email: `${name}@example.com` });
}

/**
 * The Terraform versions a program using write-only attributes declares (`targetVersions` in
 * cdktf.json, or the app's context). CDK Terrain checks write-only attributes against them
 * (by default every supported release, so it refuses them); CDK for Terraform ignores the key.
 */
export const WRITE_ONLY_TARGETS = { targetVersions: { terraform: '>=1.11.0', opentofu: '>=1.11.0' } };

/** A fresh app (with `context`), its stack `test` and the organization `acme`. */
export function setup(context: { [key: string]: unknown } = {}): { app: App; stack: TerraformStack; org: Organization } {
  const app = Testing.app({ context });
  const stack = new TerraformStack(app, 'test');
  new TfeProvider(stack, 'tfe', {});
  const org = new Organization(stack, 'Acme', { name: 'acme', email: 'a@acme.example' });
  return { app, stack, org };
}

/** `setup()`, and a maker of sensitive variables' values (`secret('db_password')`). */
export function setupWithSecrets(context: { [key: string]: unknown } = {}): {
  app: App; stack: TerraformStack; org: Organization; secret: (id: string) => string;
} {
  const e = setup(context);
  return { ...e, secret: (id: string) => secretVar(e.stack, id) };
}

/** The error `fn` throws (fails the test when it throws nothing). */
export function errorOf(fn: () => unknown): any {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, got none');
}

/** The error `fn` throws, which must be a ValidationError. */
export function validationError(fn: () => unknown): Error {
  const e = errorOf(fn);
  expect(Errors.isValidationError(e)).toBe(true);
  return e as Error;
}

/** The message of a ValidationError, or of a synth that failed validation, thrown by `fn`. */
export function errorMessageOf(fn: () => unknown): string {
  const e = errorOf(fn);
  expect(Errors.isValidationError(e) || /Validation failed/.test((e as Error).message)).toBe(true);
  return (e as Error).message;
}

/** The warning annotations of `scope` and everything below it. */
export function warnings(scope: IConstruct): string[] {
  return annotations(scope, '@cdktf/warn');
}

/** The info annotations of `scope` and everything below it. */
export function infos(scope: IConstruct): string[] {
  return annotations(scope, '@cdktf/info');
}

function annotations(scope: IConstruct, type: string): string[] {
  return scope.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === type).map((m) => String(m.data)));
}

/** The value of a new sensitive string variable: a reference, never a literal. */
export function secretVar(stack: TerraformStack, id: string): string {
  return new TerraformVariable(stack, id, { type: 'string', sensitive: true }).stringValue;
}

/**
 * A stand-in for the Workspace construct over a bare `tfe_workspace`, for
 * tests of constructs that only need a workspace's ID and organization.
 * Variables and variable sets work; the other behaviour is not in the fake.
 */
export class FakeWorkspace extends Construct implements IWorkspace {
  public readonly workspaceId: string;
  public readonly workspaceName: string;
  public readonly organization: IOrganization;

  constructor(scope: Construct, id: string, organization: IOrganization, name: string) {
    super(scope, id);
    this.organization = organization;
    const resource = new TfeWorkspace(this, 'Resource', { name, organization: organization.organizationName });
    this.workspaceId = resource.id;
    this.workspaceName = resource.name;
  }

  public addVariable(id: string, options: VariableOptions): Variable {
    return new Variable(this, id, { ...options, workspace: this });
  }

  public addDynamicCredentials(credentials: DynamicCredentials): void {
    credentials._addTo(this, (id, options) => this.addVariable(id, options));
  }

  public addVariableSet(variableSet: IVariableSet): void {
    variableSet.applyToWorkspace(this);
  }

  public grantAccess(): never { throw new Error('not in the fake'); }
  public triggeredBy(): never { throw new Error('not in the fake'); }
  public addNotification(): never { throw new Error('not in the fake'); }
}

/**
 * A resource's synthesized body for `cdk.tf.json` and for `cdktf synth --hcl`,
 * without the metadata that names its construct path: two resources with
 * equal bodies synthesize alike wherever they are in the tree.
 */
export function synthesizedBody(resource: TerraformResource): { json: any; hcl: any } {
  const body = (synthesized: any) => {
    const { ['//']: _metadata, ...rest } = Object.values<any>(synthesized.resource[resource.terraformResourceType])[0];
    return rest;
  };
  return { json: body(resolveValue(resource, resource.toTerraform())), hcl: body(resolveValue(resource, resource.toHclTerraform())) };
}

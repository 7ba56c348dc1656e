import { IConstruct } from 'constructs';
import { Aspects, TerraformResource, Token } from './framework';
import { checkForm, FormKind } from './names';
import { literalNameOf } from './registry';
import { fail, quote, warn } from './validation';

/**
 * Adoption: a construct told that its objects already exist on the platform
 * (`adoptExisting`) writes a Terraform `import` block for each resource it
 * owns, so that the next apply takes the objects over instead of creating
 * them. The import IDs are composed when the app is synthesized, so resources
 * a construct writes after the call (a team's members, a pool's allowed
 * workspaces) are imported too, whatever the order of the calls.
 */

const adopted = new WeakMap<IConstruct, string>();

/**
 * The import ID of one of the owner's resources, by resource type; undefined
 * for a child resource that is not the owner's own (a workspace's variables
 * and grants are adopted one by one).
 */
export type ImportIdOf = (resource: TerraformResource) => string | undefined;

/**
 * Marks `owner` as adopted: at synthesis each of its direct child resources
 * for which `importIdOf` answers gets an `import` block with that ID (checked
 * against the type's documented forms by the resource's `importFrom`).
 *
 * @param given the platform ID the user gave, for the message of a second call
 */
export function adopt(owner: IConstruct, given: string | undefined, importIdOf: ImportIdOf): void {
  const previous = adopted.get(owner);
  if (previous !== undefined) {
    fail(owner, 'TFE-IMP-004',
      `adoptExisting was called twice (${previous ? quote(previous) : 'without an ID'}, then ${given ? quote(given) : 'without an ID'}): ` +
      'a construct adopts one existing object; call it once.');
  }
  adopted.set(owner, given ?? '');
  Aspects.of(owner).add({
    visit: (node) => {
      if (node !== owner) return;
      const candidates = owner instanceof TerraformResource ? [owner, ...owner.node.children] : owner.node.children;
      for (const child of candidates) {
        if (!(child instanceof TerraformResource)) continue;
        const importId = importIdOf(child);
        if (importId !== undefined) child.importFrom(importId);
      }
    },
  });
}

/** Whether `construct` was adopted (see `adopt`). */
export function isAdopted(construct: IConstruct): boolean {
  return adopted.has(construct);
}

/** The platform ID `construct` was adopted with, or undefined (also when adopted by name). */
export function adoptedIdOf(construct: IConstruct): string | undefined {
  return adopted.get(construct) || undefined;
}

/** The platform ID given to `adoptExisting`, checked against its form. */
export function adoptedId(owner: IConstruct, form: FormKind, what: string, value: string): string {
  if (Token.isUnresolved(value)) {
    fail(owner, 'TFE-IMP-002', `${what} given to adoptExisting must be known when the program runs, got a value known only at plan time: write the ID itself.`);
  }
  checkForm(owner, form, what, value);
  return value;
}

/**
 * A part of a composed import ID (an organization or workspace name): it must
 * be known when the program runs.
 */
export function importPart(owner: IConstruct, what: string, value: string | undefined): string {
  if (value === undefined || Token.isUnresolved(value)) {
    fail(owner, 'TFE-IMP-002',
      `the import ID needs ${what}, which is known only at plan time here: ` +
      'Terraform 1.5 and OpenTofu accept a literal import ID only; give the name as a string (or refer to the object by its ID).');
  }
  return value;
}

/** The literal name of `organization` (or of the workspace), for an import ID. */
export function organizationNameFor(owner: IConstruct, organization: IConstruct): string {
  return importPart(owner, `the name of organization ${organization.node.path}`, literalNameOf(organization));
}

/** The literal name of `workspace`, for an import ID. */
export function workspaceNameFor(owner: IConstruct, workspace: IConstruct): string {
  return importPart(owner, `the name of workspace ${workspace.node.path}`, literalNameOf(workspace));
}

/** Warns that an adopted token's secret is not known to the app. */
export function warnUnreadableToken(owner: IConstruct, what: string): void {
  warn(owner, 'TFE-IMP-005',
    `${what} is adopted: the platform never shows a token's secret again, so after the import its value in the state is empty ` +
    'and an output of it is empty; regenerate the token (forceRegenerate, or a new token) when the program must hand the secret on.');
}

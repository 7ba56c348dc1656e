import { IConstruct } from 'constructs';
import { fail, quote } from './validation';
import { VariableCategory, VariableOptions } from '../variable';
import { VariableValue } from '../variable-value';

/**
 * The variables given to a workspace or group in one props object: typed
 * `variables`, and the plain-text maps `terraformVariables` and
 * `environmentVariables` (one string per key, the cheapest form: plain data,
 * no value object to create per variable).
 */
export interface VariableSources {
  readonly variables?: VariableOptions[];
  readonly terraformVariables?: { [key: string]: string };
  readonly environmentVariables?: { [key: string]: string };
}

/**
 * All variables of `sources`, in order (typed, then Terraform, then
 * environment), with each key given once per category.
 *
 * @param where how to name the props object in messages, e.g. `member "dev"`
 */
export function collectVariables(scope: IConstruct, where: string, sources: VariableSources): VariableOptions[] {
  const out: VariableOptions[] = [...(sources.variables ?? [])];
  addPlain(scope, where, 'terraformVariables', sources.terraformVariables, VariableCategory.TERRAFORM, out);
  addPlain(scope, where, 'environmentVariables', sources.environmentVariables, VariableCategory.ENV, out);

  const seen = new Map<string, string>();
  for (let i = 0; i < out.length; i++) {
    const v = out[i];
    const origin = i < (sources.variables?.length ?? 0) ? 'variables' : v.category === VariableCategory.ENV ? 'environmentVariables' : 'terraformVariables';
    const k = variableKey(v);
    const first = seen.get(k);
    if (first !== undefined) {
      const kind = (v.category ?? VariableCategory.TERRAFORM) === VariableCategory.ENV ? 'environment' : 'Terraform';
      fail(scope, 'TFE-VAR-009',
        `${where}: ${kind} variable ${quote(v.key)} is given twice (in ${first} and in ${origin}): ` +
        'a key is unique per workspace and category; give it once.');
    }
    seen.set(k, origin);
  }
  return out;
}

function addPlain(
  scope: IConstruct, where: string, field: string,
  values: { [key: string]: string } | undefined, category: VariableCategory, out: VariableOptions[],
): void {
  for (const key of plainVariableKeys(scope, where, field, values)) out.push({ key, value: VariableValue.string(values![key]), category });
}

/**
 * The keys of a plain-text variable map (`terraformVariables`,
 * `environmentVariables`), after checking that it is a map of strings.
 */
export function plainVariableKeys(
  scope: IConstruct, where: string | (() => string), field: string, values: { [key: string]: string } | undefined,
): string[] {
  if (values === undefined) return [];
  const at = () => (typeof where === 'string' ? where : where());
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    fail(scope, 'TFE-VAR-010', `${at()}: ${field} must be a map of variable names to string values, got ${quote(values)}.`);
  }
  const keys = Object.keys(values);
  for (const key of keys) {
    const value = values[key];
    if (typeof value !== 'string') {
      fail(scope, 'TFE-VAR-011',
        `${at()}: ${field}[${quote(key)}] must be a string, got ${quote(value)}: give the text, ` +
        'or put the variable in variables with a typed value (VariableValue.number, .boolean, .list, .map or .hcl).');
    }
  }
  return keys;
}

/** Identity of a variable within its workspace: category and key. */
export function variableKey(v: VariableOptions): string {
  return `${v.category ?? VariableCategory.TERRAFORM}:${v.key}`;
}

/** The construct id of a variable made from props: category and key. */
export function variableId(v: VariableOptions): string {
  return `${v.category ?? VariableCategory.TERRAFORM}-${v.key}`.replace(/\//g, '-');
}

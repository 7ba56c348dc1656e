import { escapeTemplate } from './hcl';

export { escapeTemplate };

/**
 * Free text the user wrote, escaped so Terraform does not read `${` or `%{`
 * in it as a template (references stay references).
 */
export function text(value: string | undefined): string | undefined {
  return value === undefined ? undefined : escapeTemplate(value);
}

/**
 * A map of free text (keys and values), escaped like `text`.
 */
export function textMap(map: { [key: string]: string } | undefined): { [key: string]: string } | undefined {
  if (map === undefined) return undefined;
  const out: { [key: string]: string } = {};
  for (const [k, v] of Object.entries(map)) out[escapeTemplate(k)] = escapeTemplate(v);
  return out;
}

/**
 * A construct id from a platform name: its words in PascalCase
 * (`networking-dev` -> `NetworkingDev`, `dbPassword` -> `DbPassword`), with an
 * `N` before a leading digit. Used wherever a program is derived from names
 * (platform files, the adoption generator), so one name gives one id.
 */
export function pascal(name: string): string {
  const words = String(name).split(/[^A-Za-z0-9]+/).filter(Boolean).flatMap((w) => w.split(/(?<=[a-z0-9])(?=[A-Z])/));
  const out = words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('') || 'X';
  return /^[0-9]/.test(out) ? `N${out}` : out;
}

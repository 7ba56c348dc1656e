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

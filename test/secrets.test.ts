import { hasReference } from '../src/private/secrets';

describe('hasReference', () => {
  test.each([
    '${var.password}',
    '${data.vault_generic_secret.db.data["password"]}',
    '${tfe_team_token.ci.token}',
    '${local.secrets[0]}',
    '${module.secrets.password}',
    '${each.value}',
    'prefix-${var.x}-suffix',
    '${lower(var.x)}',
    '${join("-", ["a", var.x])}',
    '${replace(replace(jsonencode(var.db_password), "$${", "$$${"), "%%{", "%%%{")}',
    '${lower("a${var.x}")}',
    '%{ if var.on }x%{ endif }',
    '${1-var.x}',
    '${my-resource_type.with-dash.id}',
  ])('%s holds a reference', (text) => {
    expect(hasReference(text)).toBe(true);
  });

  test.each([
    's3cret',
    '${lower("s3cret")}',
    '${join("-", ["a", "var.x"])}',
    '${"var.x"}',
    '$${var.x}',
    'a.b.c',
    '${1.5}',
    '${true}',
    '${lower("a\\"var.x")}',
    '${base64decode("czNjcmV0")}',
    '${upper("$${var.x}")}',
  ])('%s is plain text', (text) => {
    expect(hasReference(text)).toBe(false);
  });
});

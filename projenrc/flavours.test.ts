import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CDKTF, CDKTN, frameworkModule, migrate, sourcesNamingTheFramework } from './flavours';

const ROOT = path.join(__dirname, '..');

describe('flavours', () => {
  test('only src/private/framework.ts names a package of the framework or of the provider bindings', () => {
    const offenders = sourcesNamingTheFramework(path.join(ROOT, 'src')).map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
    // (and it finds one that does)
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'flavour-src-'));
    fs.mkdirSync(path.join(tree, 'private'));
    fs.writeFileSync(path.join(tree, 'private', 'framework.ts'), frameworkModule(CDKTF));
    fs.writeFileSync(path.join(tree, 'ok.ts'), "import { App } from './private/framework';\n");
    fs.writeFileSync(path.join(tree, 'bad.ts'), "import { Workspace } from '@cdktf/provider-tfe/lib/workspace';\n");
    expect(sourcesNamingTheFramework(tree)).toEqual([path.join(tree, 'bad.ts')]);
  });

  test('src/private/framework.ts is the cdktf flavour\'s module, and the cdktn one differs in package names only', () => {
    expect(fs.readFileSync(path.join(ROOT, 'src', 'private', 'framework.ts'), 'utf8')).toBe(frameworkModule(CDKTF));
    const cdktn = frameworkModule(CDKTN);
    expect(cdktn).toContain("export * from 'cdktn';");
    expect(cdktn).toContain("export * from 'cdktn-provider-tfe/lib/workspace';");
    expect(cdktn).toContain("export { makeUniqueId } from 'cdktn/lib/private/unique';");
    expect(cdktn).not.toMatch(/from '(@cdktf|cdktf)/);
  });

  test('TypeScript: module specifiers move, other strings stay', () => {
    const program = [
      "import { App, Testing } from 'cdktf';",
      "import 'cdktf/lib/testing/adapters/jest';",
      "import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';",
      'import { Workspace } from "cdktf-tfe-constructs";',
      "const outdir = 'cdktf.out'; const key = 'cdktf-tfe-constructs:now'; const dir = 'cdktf-provider';",
    ].join('\n');
    expect(migrate(program, CDKTF, CDKTN)).toBe([
      "import { App, Testing } from 'cdktn';",
      "import 'cdktn/lib/testing/adapters/jest';",
      "import { TfeProvider } from 'cdktn-provider-tfe/lib/provider';",
      'import { Workspace } from "cdktn-tfe-constructs";',
      "const outdir = 'cdktf.out'; const key = 'cdktf-tfe-constructs:now'; const dir = 'cdktf-provider';",
    ].join('\n'));
  });

  test('Python and Java: modules and packages, the longest name first', () => {
    expect(migrate([
      'from cdktf import App',
      'from cdktf_cdktf_provider_tfe.provider import TfeProvider',
      'from cdktf_tfe_constructs import Workspace',
    ].join('\n'), CDKTF, CDKTN)).toBe([
      'from cdktn import App',
      'from cdktn_provider_tfe.provider import TfeProvider',
      'from cdktn_tfe_constructs import Workspace',
    ].join('\n'));
    expect(migrate([
      'import com.hashicorp.cdktf.App;',
      'import com.hashicorp.cdktf.providers.tfe.provider.TfeProvider;',
      'import io.github.cdktf_tfe_constructs.Workspace;',
    ].join('\n'), CDKTF, CDKTN)).toBe([
      'import io.cdktn.cdktn.App;',
      'import io.github.cdktf_tfe_constructs.cdktn_provider_tfe.provider.TfeProvider;',
      'import io.github.cdktn_tfe_constructs.Workspace;',
    ].join('\n'));
  });

  test('Maven coordinates and Go import paths, go.mod versions and the framework qualifier', () => {
    expect(migrate('<groupId>com.hashicorp</groupId>\n  <artifactId>cdktf-provider-tfe</artifactId>', CDKTF, CDKTN))
      .toBe('<groupId>io.github.cdktf-tfe-constructs</groupId>\n  <artifactId>cdktn-provider-tfe</artifactId>');
    expect(migrate('<groupId>com.hashicorp</groupId><artifactId>cdktf</artifactId>', CDKTF, CDKTN))
      .toBe('<groupId>io.cdktn</groupId><artifactId>cdktn</artifactId>');
    const goMod = 'require (\n\tgithub.com/cdktf/cdktf-provider-tfe-go/tfe/v12 v12.5.1\n\tgithub.com/hashicorp/terraform-cdk-go/cdktf v0.21.0\n)';
    expect(migrate(goMod, CDKTF, CDKTN)).toBe(
      'require (\n\tgithub.com/cdktf-tfe-constructs/cdktn-provider-tfe-go/tfe v0.71.0\n\tgithub.com/open-constructs/cdk-terrain-go/cdktn v0.24.0\n)');
    const go = 'package main\n\nimport (\n\t"github.com/cdktf/cdktf-provider-tfe-go/tfe/v12/provider"\n\t"github.com/hashicorp/terraform-cdk-go/cdktf"\n)\n\n'
      + 'var app = cdktf.NewApp(nil) // writes cdktf.out\n';
    expect(migrate(go, CDKTF, CDKTN)).toBe('package main\n\nimport (\n\t"github.com/cdktf-tfe-constructs/cdktn-provider-tfe-go/tfe/provider"\n'
      + '\t"github.com/open-constructs/cdk-terrain-go/cdktn"\n)\n\nvar app = cdktn.NewApp(nil) // writes cdktf.out\n');
  });
});

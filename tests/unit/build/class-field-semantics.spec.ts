import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';

/**
 * The tests must run the code with the class-field semantics the shipped build has. tsc (tsconfig.build.json) and
 * jest's swc transform decide separately whether `field?: T;` without an initializer defines an own property
 * (ES2022 [[Define]]) or emits nothing; when they disagree, a DTO or subclass behaves differently in `dist/` than under
 * test, and the tests pass while the product fails (issue 9: every evidence upload refused from `dist/`).
 */
const root = join(__dirname, '..', '..', '..');

interface SwcOptions {
  jsc?: { transform?: { useDefineForClassFields?: boolean } };
}
interface JestProject {
  displayName: string;
  transform: Record<string, [string, SwcOptions]>;
}

/** The compiler options of the build, `extends` followed, exactly as `tsc -p tsconfig.build.json` reads them. */
function buildCompilerOptions(): ts.CompilerOptions {
  const file = join(root, 'tsconfig.build.json');
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, file);
  if (parsed.errors.length) throw new Error(parsed.errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, '\n')).join('; '));
  return parsed.options;
}

/** TypeScript's rule: the explicit option, else true from target ES2022 on (ESNext included). */
function effectiveUseDefine(options: ts.CompilerOptions): boolean {
  return options.useDefineForClassFields ?? (options.target !== undefined && options.target >= ts.ScriptTarget.ES2022);
}

function jestProjects(): JestProject[] {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return (require(join(root, 'jest.config.js')) as { projects: JestProject[] }).projects;
}

/** A parent sets a value in its constructor; the child re-declares the field without an initializer. */
const PROBE = `
  class Parent { constructor() { Object.assign(this, { shadowed: 'set by the parent' }); } }
  class Child extends Parent { shadowed?: string; }
  export const seen = new Child().shadowed;
`;

/** What `seen` is once the probe is compiled to CommonJS by `compile` and run. */
function runProbe(code: string): unknown {
  const module = { exports: {} as Record<string, unknown> };
  runInNewContext(code, { module, exports: module.exports, require, Object });
  return module.exports.seen;
}

// The class in this very file is compiled by jest's transform: it shows the semantics the tests really run under.
class SetByParent {
  constructor() {
    Object.assign(this, { shadowed: 'set by the parent' });
  }
}
class ShadowsParent extends SetByParent {
  shadowed?: string;
}

describe('class-field semantics: tests compile as the build does', () => {
  const buildDefines = effectiveUseDefine(buildCompilerOptions());

  it('the build (tsc, tsconfig.build.json) defines class fields: ES2022 semantics', () => {
    expect(buildCompilerOptions().target).toBe(ts.ScriptTarget.ES2022);
    expect(buildDefines).toBe(true);
  });

  it('.swcrc says the same', () => {
    const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8')) as SwcOptions;
    expect(swcrc.jsc?.transform?.useDefineForClassFields).toBe(buildDefines);
  });

  it("every jest project's transform is configured the same way", () => {
    const projects = jestProjects();
    expect(projects.length).toBeGreaterThan(0);
    for (const project of projects) {
      const [name, options] = project.transform['^.+\\.ts$'];
      expect({ project: project.displayName, name, useDefine: options.jsc?.transform?.useDefineForClassFields }).toEqual({
        project: project.displayName,
        name: '@swc/jest',
        useDefine: buildDefines,
      });
    }
  });

  it('code compiled by tsc with the build options and by each jest transform behaves the same', () => {
    const tscCode = ts.transpileModule(PROBE, { compilerOptions: { ...buildCompilerOptions(), module: ts.ModuleKind.CommonJS }, fileName: 'probe.ts' }).outputText;
    const built = runProbe(tscCode);
    expect(built).toBe(buildDefines ? undefined : 'set by the parent');
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const swcJest = require('@swc/jest') as { createTransformer(options: SwcOptions): { process(src: string, file: string, options: object): { code: string } } };
    for (const project of jestProjects()) {
      const [, options] = project.transform['^.+\\.ts$'];
      const { code } = swcJest.createTransformer(options).process(PROBE, join(root, 'probe.ts'), { supportsStaticESM: false });
      expect({ project: project.displayName, seen: runProbe(code) }).toEqual({ project: project.displayName, seen: built });
    }
  });

  it('and this test file itself ran under those semantics', () => {
    expect(new ShadowsParent().shadowed).toBe(buildDefines ? undefined : 'set by the parent');
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The admin panel (src/admin) imports some of the moderation plugin's modules, which the admin
 * build bundles for the browser. Those modules, and everything they import, must stay pure:
 * relative imports inside the plugin's `domain/` folder only, no Strapi, Node or server code.
 */
const root = path.resolve(__dirname, '../../..');
const adminDir = path.join(root, 'src/admin');
const domainDir = path.join(root, 'src/plugins/moderation/server/src/domain');
const pluginServerDir = path.join(root, 'src/plugins/moderation/server');

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"=;(]*?['"]([^'"]+)['"]/gm)].map(
    (match) => match[1],
  );

const resolveModule = (from: string, specifier: string): string => {
  const base = path.resolve(path.dirname(from), specifier);
  const found = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`cannot resolve ${specifier} from ${from}`);
  return found;
};

/** Every plugin server module the admin sources import, directly or through another. */
function pluginModulesOfAdmin(): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const pending = readdirSync(adminDir)
    .filter((name) => /\.tsx?$/.test(name))
    .flatMap((name) => {
      const file = path.join(adminDir, name);
      return importsOf(file)
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => resolveModule(file, specifier))
        .filter((target) => target.startsWith(pluginServerDir));
    });
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    const imports = importsOf(file);
    seen.set(file, imports);
    for (const specifier of imports.filter((item) => item.startsWith('.'))) {
      pending.push(resolveModule(file, specifier));
    }
  }
  return seen;
}

describe('the plugin modules the admin panel bundles', () => {
  const modules = pluginModulesOfAdmin();

  it('include the comment form check and the vocabulary', () => {
    const names = [...modules.keys()].map((file) => path.relative(domainDir, file));
    expect(names).toEqual(expect.arrayContaining(['comment-form.ts', 'vocabulary.ts']));
  });

  it('are all in domain/ and import only other modules there', () => {
    for (const [file, imports] of modules) {
      expect(path.dirname(file)).toBe(domainDir);
      for (const specifier of imports) {
        expect({ file: path.relative(root, file), specifier }).toEqual({
          file: path.relative(root, file),
          specifier: expect.stringMatching(/^\.\/[\w-]+$/),
        });
      }
    }
  });
});

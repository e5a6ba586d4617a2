/** `vite-node tests/tools/function-lengths.ts [-- <dir>]`: the longest functions in a source tree (lines, without blank lines). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = process.argv[2] ?? process.cwd();
const out: { name: string; file: string; lines: number }[] = [];
const walk = (dir: string) => {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.tsx?$/.test(f)) measure(p);
  }
};
function measure(path: string) {
  const text = readFileSync(path, 'utf8');
  const src = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const visit = (node: ts.Node) => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node)
    ) {
      const body = text.slice(node.getStart(src), node.getEnd());
      const lines = body.split('\n').filter((l) => l.trim()).length;
      const parent = node.parent;
      const name =
        (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name
          ? node.name.getText(src)
          : ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)
            ? parent.name.getText(src)
            : ts.isConstructorDeclaration(node)
              ? 'constructor'
              : '(anonymous)';
      out.push({ name, file: relative(root, path), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
}
for (const d of ['utils', 'components', 'entrypoints']) walk(join(root, d));
out.sort((a, b) => b.lines - a.lines);
for (const f of out.slice(0, 10)) console.log(`${String(f.lines).padStart(4)}  ${f.name}  (${f.file})`);

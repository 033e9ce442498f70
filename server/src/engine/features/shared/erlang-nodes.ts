/**
 * Walking the Erlang expression tree: the children of a node, and the chain of
 * nodes that contain an offset. Both work without recursion, so a deeply
 * nested term cannot overflow the stack.
 */
import type { ErlangDocument, ErlangForm, ErlangNode } from '../../formats/erlang/ast.js';

/** The sub-nodes of `node`, in source order. */
export function childNodes(node: ErlangNode): ErlangNode[] {
  switch (node.kind) {
    case 'list':
      return node.tail ? [...node.elements, node.tail] : [...node.elements];
    case 'tuple':
      return [...node.elements];
    case 'map':
      return [...(node.base ? [node.base] : []), ...node.entries.flatMap((e) => [e.key, e.value])];
    case 'binary':
      return node.segments.flatMap((s) => (s.size ? [s.value, s.size] : [s.value]));
    case 'fun':
      return [node.module, node.name, node.arity].filter((n): n is ErlangNode => n !== null);
    case 'call':
      return [node.callee, ...node.args];
    case 'remote':
      return [node.module, node.function];
    case 'prefix':
      return [node.operand];
    case 'infix':
      return [node.left, node.right];
    case 'expression':
      return [...node.children];
    default:
      return [];
  }
}

/** The form whose text contains `offset` (its dot included). */
export function formAt(doc: ErlangDocument, offset: number): ErlangForm | undefined {
  return doc.forms.find((f) => f.span.start <= offset && offset <= (f.dot ? f.dot.end : f.span.end));
}

function contains(node: ErlangNode, offset: number): boolean {
  return node.span.start <= offset && offset <= node.span.end;
}

/**
 * The nodes containing `offset`, outermost first (the form's expressions at
 * the top). A node "contains" the offsets at both its ends, so a cursor right
 * after an atom still finds the atom; the deepest such node wins.
 */
export function nodePathAt(doc: ErlangDocument, offset: number): ErlangNode[] {
  const form = formAt(doc, offset);
  if (!form) return [];
  const path: ErlangNode[] = [];
  let candidates: readonly ErlangNode[] = form.expressions;
  for (;;) {
    const next = candidates.find((n) => contains(n, offset));
    if (!next) return path;
    path.push(next);
    candidates = childNodes(next);
  }
}

/** Visits every node of the document, parents before children, without recursion. */
export function forEachNode(doc: ErlangDocument, visit: (node: ErlangNode, depth: number) => void): void {
  const stack: { node: ErlangNode; depth: number }[] = [];
  for (let f = doc.forms.length - 1; f >= 0; f--) {
    const exprs = doc.forms[f].expressions;
    for (let i = exprs.length - 1; i >= 0; i--) stack.push({ node: exprs[i], depth: 0 });
  }
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    visit(node, depth);
    const children = childNodes(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1 });
  }
}

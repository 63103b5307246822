import ts from 'typescript';

/** Attributes whose text a person sees or hears. */
const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** Text that is the same in every language: a PEM armour line is what the key file itself says. */
export const ALLOWED = new Set(['-----BEGIN PRIVATE KEY-----']);

export interface VisibleLiteral {
  line: number;
  text: string;
  where: string;
}

const HAS_LETTER = /\p{L}/u;

function literalText(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isJsxExpression(node)) return literalText(node.expression);
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isConditionalExpression(node)) return literalText(node.whenTrue) ?? literalText(node.whenFalse);
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('');
  return undefined;
}

/** JSX text with letters, and string literals in visible attributes, that are not on the allow-list. */
export function visibleLiterals(fileName: string, code: string): VisibleLiteral[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: VisibleLiteral[] = [];
  const report = (node: ts.Node, text: string, where: string) => {
    const trimmed = text.trim();
    if (!HAS_LETTER.test(trimmed) || ALLOWED.has(trimmed)) return;
    found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: trimmed, where });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text, 'text');
    else if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = literalText(node.expression);
      if (text !== undefined) report(node, text, 'text');
    } else if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(source))) {
      const text = literalText(node.initializer);
      if (text !== undefined) report(node, text, node.name.getText(source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

import type { NoteLine } from "./tokenize-lines";

/** A bullet, paragraph or heading with what is nested under it. */
export interface NoteNode {
  kind: "bullet" | "paragraph" | "heading";
  /** Heading level for headings, 0 otherwise. */
  level: number;
  text: string;
  /** Line number of the node's first line. */
  lineNo: number;
  children: NoteNode[];
}

/**
 * Nests lines into a tree by indentation.
 *
 * A bullet is the child of the nearest earlier bullet indented less than it,
 * so odd or inconsistent indentation (2, 3, 4 columns, tabs) still nests the
 * way it looks. A plain line right under a bullet and indented past it
 * continues that bullet's text (a wrapped line); after a blank line it becomes
 * a nested paragraph. Other plain lines are top-level paragraphs. A heading
 * owns everything after it up to the next heading of the same or a higher
 * level.
 */
export function buildTree(lines: readonly NoteLine[]): NoteNode[] {
  const roots: NoteNode[] = [];
  const headings: NoteNode[] = [];
  let stack: { indent: number; node: NoteNode }[] = [];
  let previous: { indent: number; node: NoteNode } | null = null;
  let blankBefore = false;

  const container = (): NoteNode[] => headings[headings.length - 1]?.children ?? roots;

  for (const line of lines) {
    if (line.blank) {
      blankBefore = true;
      continue;
    }
    if (line.heading > 0) {
      while (headings.length > 0 && (headings[headings.length - 1] as NoteNode).level >= line.heading) headings.pop();
      const node: NoteNode = {
        kind: "heading",
        level: line.heading,
        text: line.text,
        lineNo: line.lineNo,
        children: [],
      };
      container().push(node);
      headings.push(node);
      stack = [];
      previous = null;
      blankBefore = false;
      continue;
    }

    if (line.bullet === null && previous && line.indent > previous.indent) {
      if (!blankBefore && previous.node.kind === "bullet") {
        previous.node.text = `${previous.node.text} ${line.text}`.trim();
      } else {
        const node: NoteNode = { kind: "paragraph", level: 0, text: line.text, lineNo: line.lineNo, children: [] };
        const owner = nearestOwner(stack, line.indent);
        (owner ? owner.children : container()).push(node);
      }
      blankBefore = false;
      continue;
    }

    const kind = line.bullet === null ? "paragraph" : "bullet";
    const node: NoteNode = { kind, level: 0, text: line.text, lineNo: line.lineNo, children: [] };
    if (kind === "paragraph") {
      container().push(node);
      stack = [];
      previous = { indent: line.indent, node };
    } else {
      while (stack.length > 0 && (stack[stack.length - 1] as { indent: number }).indent >= line.indent) stack.pop();
      const parent = stack[stack.length - 1];
      (parent ? parent.node.children : container()).push(node);
      const entry = { indent: line.indent, node };
      stack.push(entry);
      previous = entry;
    }
    blankBefore = false;
  }
  return roots;
}

function nearestOwner(stack: readonly { indent: number; node: NoteNode }[], indent: number): NoteNode | null {
  for (let i = stack.length - 1; i >= 0; i--) {
    const entry = stack[i] as { indent: number; node: NoteNode };
    if (entry.indent < indent) return entry.node;
  }
  return null;
}

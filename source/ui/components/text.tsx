/**
 * The console's one <Text>: Ink's, with every string inside made visible first (visible.ts). Every
 * component renders text through this one (test/ui/visible-text.test.ts refuses `Text` imported from
 * 'ink' anywhere else), so a string from a backend cannot reach the terminal raw, wherever it is shown:
 * a table cell, a detail line, a flash, a dialog, the viewer, a picker.
 */
import { Text as InkText, type TextProps } from 'ink';
import { createElement, Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';
import { visible } from './visible.js';

/** Strings and numbers made visible; fragments opened (their strings are this Text's); elements left to render themselves. */
function shown(node: ReactNode): ReactNode {
  if (typeof node === 'string') return visible(node);
  if (Array.isArray(node)) return node.map(shown);
  if (isValidElement(node) && node.type === Fragment) {
    const el = node as ReactElement<{ children?: ReactNode }>;
    return createElement(Fragment, el.key === null ? null : { key: el.key }, ...childList(el.props.children));
  }
  return node;
}

const childList = (children: ReactNode): ReactNode[] => (Array.isArray(children) ? children.map(shown) : [shown(children)]);

export function Text({ children, ...props }: TextProps) {
  // Children passed as arguments stay "static" children: no key warnings for what JSX wrote inline.
  return createElement(InkText, props, ...childList(children));
}

export type { TextProps };

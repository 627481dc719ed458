/**
 * Cell text as lists write it, made comparable without changing what it says. NFKC folds full-width letters, digits,
 * brackets and the ideographic space to their half-width forms (中粮（郑州） → 中粮(郑州)); it is applied to cells,
 * which are names, codes, dates and titles, where its other foldings (circled digits, ligatures) are the same text.
 * Whitespace is collapsed and trimmed; zero-width and control characters are dropped (copy-paste from PDFs leaves them).
 */
export function normalizeCell(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A header cell as compared with the aliases: normalized, without spaces or a trailing "*" (required marks). */
export function headerKey(value: string): string {
  return normalizeCell(value).replace(/[\s*:：]/g, '').toLowerCase();
}

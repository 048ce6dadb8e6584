import { MAX_DEPTH as MAX_ELEMENT_DEPTH } from './bound-markup';

/**
 * Each element is an object inside an array in xml2js output, two levels per element. Element depth is
 * bounded before parsing; this keeps the recursion here bounded too, whatever it is handed.
 */
const MAX_DEPTH = 2 * MAX_ELEMENT_DEPTH + 8;
/** Enough for any field after capping; stops a huge object from being concatenated in full. */
const MAX_CHARS = 200_000;

/**
 * The text in an xml2js value: a string as is; `{ _: text }` (an element with attributes) as its text;
 * an element with child elements (markup that should have been escaped) as its text content, attributes
 * (`$`) left out. xml2js keeps element text and children apart, so mixed content may come out reordered.
 */
export function xmlValueText(value: unknown): string | undefined {
  const parts: string[] = [];
  collect(value, 0, parts, { chars: 0 });
  const text = parts.join(' ').trim();
  return text === '' ? undefined : text;
}

function collect(value: unknown, depth: number, parts: string[], budget: { chars: number }): void {
  if (depth > MAX_DEPTH || budget.chars > MAX_CHARS) return;
  if (typeof value === 'string') {
    parts.push(value);
    budget.chars += value.length;
  } else if (typeof value === 'number') {
    parts.push(String(value));
  } else if (Array.isArray(value)) {
    for (const entry of value) collect(entry, depth + 1, parts, budget);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) {
      if (key !== '$') collect(entry, depth + 1, parts, budget);
    }
  }
}

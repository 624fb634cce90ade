import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { CodeBlock, SpecModel } from '../model';
import type { Finding, Rule } from '../rule';
import { elideExample } from './support/jsonExample';

/** Maps an offset into a code block's value to a document offset (the value drops blockquote and list indentation). */
export function codeOffset(model: SpecModel, block: CodeBlock, offset: number): number {
  const { lines } = model;
  const value = block.value;
  let line = 0;
  let lineStart = 0;
  const re = /\r\n|\r|\n/g;
  for (let m = re.exec(value); m && m.index < offset; m = re.exec(value)) {
    if (m.index + m[0].length > offset) break;
    line++;
    lineStart = m.index + m[0].length;
  }
  const nextBreak = /\r|\n/.exec(value.slice(lineStart));
  const valueLine = value.slice(lineStart, nextBreak ? lineStart + nextBreak.index : value.length);
  const docLine = lines.positionAt(block.span.start).line + 1 + line;
  if (docLine >= lines.lineCount) return block.span.end;
  const docText = lines.lineText(docLine);
  const prefix = Math.max(0, docText.length - valueLine.length);
  return Math.min(lines.lineStarts[docLine] + prefix + (offset - lineStart), lines.lineEnd(docLine));
}

function describe(error: ParseError, value: string): string {
  const snippet = value.slice(error.offset, error.offset + Math.min(error.length, 20));
  switch (printParseErrorCode(error.error)) {
    case 'InvalidSymbol':
      return `unexpected "${snippet}": write a JSON value (a string in double quotes, a number, an object, an array, true, false or null)`;
    case 'InvalidNumberFormat':
      return `"${snippet}" is not a JSON number: write digits like 12, -3 or 1.5e3`;
    case 'PropertyNameExpected':
      return 'a property name in double quotes is expected here';
    case 'ValueExpected':
      return 'a value is expected here';
    case 'ColonExpected':
      return 'a colon is expected after the property name';
    case 'CommaExpected':
      return 'a comma is expected between the items';
    case 'CloseBraceExpected':
      return 'the object is not closed: add }';
    case 'CloseBracketExpected':
      return 'the array is not closed: add ]';
    case 'EndOfFileExpected':
      return 'text after the end of the JSON value: remove it, or wrap the values in an array';
    case 'UnexpectedEndOfComment':
      return 'the comment is not closed: add */';
    case 'UnexpectedEndOfString':
      return 'the string is not closed: add the closing "';
    case 'UnexpectedEndOfNumber':
      return 'the number is not finished: add its digits';
    case 'InvalidUnicode':
      return 'a \\u escape needs four hex digits';
    case 'InvalidEscapeCharacter':
      return 'invalid escape in a string: use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX';
    case 'InvalidCharacter':
      return 'a control character in a string: escape it, like \\n or \\t';
    default:
      return 'the JSON does not parse here';
  }
}

/** A comma directly before the closing `}` or `]` at `offset`, if that is what the parser tripped on. */
function trailingComma(value: string, offset: number): number | undefined {
  if (value[offset] !== '}' && value[offset] !== ']') return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(value[i])) i--;
  return value[i] === ',' ? i : undefined;
}

/** Blocks to report: json ones that are empty or that the native parser rejects (the strict jsonc-parser then says why). */
function rejected(block: CodeBlock): boolean {
  if (block.lang?.toLowerCase() !== 'json') return false;
  if (block.value.trim() === '') return true;
  try {
    JSON.parse(block.value);
    return false;
  } catch {
    return true;
  }
}

export const invalidJson: Rule = {
  code: 'TS804',
  name: 'invalid-json',
  defaultSeverity: 'error',
  description: 'A json code block does not parse (`...`/`…` elisions and comments are accepted).',
  help: 'Fix the JSON so it parses (no trailing commas, keys and strings in double quotes); `...` may stand for left-out items or values.',
  check({ model, cache }) {
    const findings: Finding[] = [];
    for (const k of cache.passing(rejected, model.codeBlocks, undefined)) {
      const block = model.codeBlocks[k];
      if (block.value.trim() === '') {
        const fence = model.lines.positionAt(block.span.start).line;
        findings.push({
          range: model.lines.range(block.span.start, model.lines.lineEnd(fence)),
          message: 'This json block is empty: write the JSON, or remove the block.',
        });
        continue;
      }
      const errors: ParseError[] = [];
      const json = elideExample(block.value);
      parse(json, errors, { disallowComments: false, allowTrailingComma: false, allowEmptyContent: false });
      if (errors.length === 0) continue;
      // The first error is the real one; the rest follow from it.
      const error = errors[0];
      let start = error.offset;
      let end = error.offset + error.length;
      let words = describe(error, json);
      const comma = trailingComma(json, error.offset);
      if (comma !== undefined && /^(PropertyNameExpected|ValueExpected)$/.test(printParseErrorCode(error.error))) {
        [start, end, words] = [comma, comma + 1, 'JSON allows no trailing comma: remove it'];
      } else if (end === start) {
        // Something is missing here: mark the character at the point, or the last one before it.
        if (start < json.length && !/[\r\n]/.test(json[start])) end = start + 1;
        else {
          let i = start - 1;
          while (i > 0 && /\s/.test(json[i])) i--;
          [start, end] = [Math.max(0, i), Math.max(0, i) + 1];
        }
      }
      const s = codeOffset(model, block, start);
      const e = Math.max(s, codeOffset(model, block, end));
      findings.push({ range: model.lines.range(s, e), message: `Invalid JSON: ${words}.` });
    }
    return findings;
  },
};

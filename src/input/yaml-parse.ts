// YAML text to one Document, with the nesting bounded before it can exhaust the stack. The yaml library builds its
// tree recursively (and, on a dedent, pops a deep stack recursively): a few KB of `- - - - …` or `[[[[…` overflow
// the call stack, and in Node 20 an overflow inside the regular-expression compiler can leave V8 unable to compile
// another expression, ending the process later. So the depth is checked while parsing, token by token, and a
// document nested deeper than any real input stops there, before a deep stack is built or unwound.
import { Composer, Lexer, Parser, type CST, type Document, type DocumentOptions, type LineCounter } from 'yaml';
import type { ParseOptions, SchemaOptions } from 'yaml';

/** Deeper than any design file, configuration or overlay (they nest about ten levels), far below the stack's limit. */
export const MAX_YAML_DEPTH = 200;

export type YamlOptions = ParseOptions & DocumentOptions & SchemaOptions;

export type BoundedParse =
  { doc: Document.Parsed; tooDeep?: never; secondDocAt?: number } | { tooDeep: { offset: number } };

/** Thrown out of the token stream to stop the composer at once; caught in parseBounded. */
class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('YAML nested too deeply');
  }
}

/** The parser's tokens, stopping (by throwing TooDeep) as soon as the collections open at once exceed the bound. */
function* boundedTokens(text: string, parser: Parser, maxDepth: number): Generator<CST.Token> {
  for (const lexeme of new Lexer().lex(text)) {
    yield* parser.next(lexeme);
    if (parser.stack.length > maxDepth) throw new TooDeep(parser.offset);
  }
  yield* parser.end();
}

/**
 * Parses the first document of `text` as `parseDocument` does (`secondDocAt` is where another one starts, if one
 * does), or says where the nesting went past `maxDepth`.
 */
export function parseBounded(
  text: string,
  lines: LineCounter,
  options: YamlOptions,
  maxDepth = MAX_YAML_DEPTH,
): BoundedParse {
  const parser = new Parser(lines.addNewLine);
  // The parser reports the start of the first line itself only when it drives the lexer.
  lines.addNewLine(0);
  const composer = new Composer(options);
  let first: Document.Parsed | undefined;
  let secondDocAt: number | undefined;
  try {
    for (const doc of composer.compose(boundedTokens(text, parser, maxDepth), true, text.length)) {
      if (first === undefined) first = doc;
      else {
        secondDocAt = doc.range[0];
        break;
      }
    }
  } catch (e) {
    if (e instanceof TooDeep) return { tooDeep: { offset: e.offset } };
    throw e;
  }
  // compose(…, forceDoc) always ends with a document, empty input included.
  if (first === undefined) throw new Error('parseBounded: the composer produced no document');
  return secondDocAt === undefined ? { doc: first } : { doc: first, secondDocAt };
}

/**
 * Re-indents JSON text without parsing its values. `JSON.stringify(JSON.parse(x))` would round
 * big integers (order ids, snowflakes), rewrite escapes and reorder nothing visible — a view
 * that lies about what arrived. This only moves whitespace; every literal stays byte-for-byte.
 * Returns null when the text is not valid JSON.
 */
export function prettyPrintJson(text: string, indent = '  '): string | null {
  try {
    JSON.parse(text);
  } catch {
    return null;
  }

  let out = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  const newline = () => `\n${indent.repeat(depth)}`;

  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (inString) {
      out += char;
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    switch (char) {
      case '"':
        inString = true;
        out += char;
        break;
      case '{':
      case '[': {
        const close = char === '{' ? '}' : ']';
        const nextSignificant = text.slice(i + 1).trimStart()[0];
        if (nextSignificant === close) {
          // Keep empty containers on one line: {} and [].
          out += char + close;
          i = text.indexOf(close, i + 1);
        } else {
          depth += 1;
          out += char + newline();
        }
        break;
      }
      case '}':
      case ']':
        depth -= 1;
        out += newline() + char;
        break;
      case ',':
        out += char + newline();
        break;
      case ':':
        out += ': ';
        break;
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        break; // insignificant whitespace between tokens
      default:
        out += char;
    }
  }
  return out;
}

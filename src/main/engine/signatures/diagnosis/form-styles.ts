/**
 * A form body (application/x-www-form-urlencoded) a sender or a framework decoded or re-encoded
 * before signing: the decoded text, another encoder's escaping (+ or %20, which characters stay
 * bare, the case of %XX) or the parameters in another order. Each variant names the way it
 * happened; only bodies shaped like an encoded form (printable ASCII, name=value&...) are tried.
 */

const FORM = /^[\x21-\x7e]+$/;
type Pair = [name: string, value: string | null];

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Percent-encodes every UTF-8 byte except `safe` characters; `space` is what a space becomes. */
function encoder(safe: RegExp, space: '+' | '%20') {
  return (text: string) => {
    let out = '';
    for (const byte of Buffer.from(text, 'utf8')) {
      const char = String.fromCharCode(byte);
      if (byte === 0x20) out += space;
      else if (byte < 0x80 && safe.test(char)) out += char;
      else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
  };
}

const join = (pairs: readonly Pair[], encode: (text: string) => string = (text) => text) =>
  pairs.map(([name, value]) => (value === null ? encode(name) : `${encode(name)}=${encode(value)}`)).join('&');

const byName = (pairs: readonly Pair[]) => [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The re-encoders senders use, over the decoded names and values (in their order unless said). */
const ENCODERS: Array<{ how: string; encode: (text: string) => string; sorted?: boolean }> = [
  { how: 'URLSearchParams (or an HTML form): + for spaces, ~ written %7E', encode: encoder(/[A-Za-z0-9*\-._]/, '+') },
  { how: "Python's urllib.parse.urlencode (quote_plus): + for spaces, ~ kept bare", encode: encoder(/[A-Za-z0-9\-._~]/, '+') },
  { how: "encodeURIComponent: %20 for spaces, !'()*~ kept bare", encode: encoder(/[A-Za-z0-9!'()*\-._~]/, '%20') },
  { how: "PHP's http_build_query (urlencode): + for spaces, ~ and * percent-encoded", encode: encoder(/[A-Za-z0-9\-._]/, '+') },
  { how: 'RFC 3986 percent-encoding (PHP rawurlencode, Java URI): %20 for spaces', encode: encoder(/[A-Za-z0-9\-._~]/, '%20') },
  { how: "Go's url.Values.Encode(): parameters sorted by name, + for spaces", encode: encoder(/[A-Za-z0-9\-._~]/, '+'), sorted: true },
];

/** Yields [how, text] for a body shaped like an encoded form; nothing for any other body. */
export function* formStyles(text: string): Generator<[string, string]> {
  if (!FORM.test(text) || !text.includes('=') || text.startsWith('{') || text.startsWith('[')) return;
  const raw: Pair[] = text.split('&').map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? [part, null] : [part.slice(0, eq), part.slice(eq + 1)];
  });
  if (text.includes('+'))
    yield ['the form with its spaces re-encoded as %20 instead of + (the parameters otherwise as sent)', text.replace(/\+/g, '%20')];
  if (text.includes('%20')) yield ['the form with + for spaces where %20 arrived', text.replace(/%20/g, '+')];
  if (/%[0-9A-F]{2}/.test(text))
    yield [
      'the form with lower-case percent escapes (%2f where %2F arrived)',
      text.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    ];
  if (/%[0-9a-f]{2}/.test(text))
    yield [
      'the form with upper-case percent escapes (%2F where %2f arrived)',
      text.replace(/%[0-9a-f]{2}/g, (escape) => escape.toUpperCase()),
    ];
  if (raw.length > 1)
    yield ['the form with its parameters sorted by name (the sender signed them sorted and sent them in another order)', join(byName(raw))];

  const decoded: Pair[] = [];
  for (const [name, value] of raw) {
    const decodedName = decode(name);
    const decodedValue = value === null ? null : decode(value);
    if (decodedName === null || (value !== null && decodedValue === null)) return;
    decoded.push([decodedName, decodedValue]);
  }
  yield [
    'the URL-decoded form text (+ and %XX turned back into characters): the sender, or a framework that parsed the form, signed the decoded text instead of the encoded body',
    join(decoded),
  ];
  const only = decoded.length === 1 ? decoded[0] : undefined;
  if (only && only[1] !== null) {
    yield [
      `the decoded value of the form's only field "${only[0]}" (as GitHub's form deliveries carry the JSON in payload=): the whole encoded body is what is signed, not the value inside it`,
      only[1],
    ];
  }
  for (const { how, encode, sorted } of ENCODERS) yield [`the form re-encoded by ${how}`, join(sorted ? byName(decoded) : decoded, encode)];
}

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getScheme } from '../../../src/main/engine/signatures/registry';
import { GO_HANDLER_MARKER } from '../../../src/main/engine/snippets/go';
import { JAVA_CONTROLLER_MARKER } from '../../../src/main/engine/snippets/java';
import { NODE_ROUTE_MARKER } from '../../../src/main/engine/snippets/node';
import { PYTHON_ROUTE_MARKER } from '../../../src/main/engine/snippets/python';
import type { SnippetRecipe } from '../../../src/main/engine/snippets/recipes';
import { RECIPES, snippetsFor } from '../../../src/main/engine/snippets/snippets';

/**
 * Executes the verification snippets against requests signed by the engine. The frameworks
 * (Express, Flask, Spring) are not installed, so each snippet keeps its verification core above a
 * marker line, runnable with the language's standard library alone; the test runs that core.
 */

const NOW = 1700000000;
const BODY = '{\n  "event": "model.trained",\n  "data": {"id": "model_1", "name": "Modèle ✓", "metrics": {"f1": 0.95}}\n}';

interface Case {
  name: string;
  headers: Record<string, string>;
  body_base64: string;
  secret: string;
  now: number;
  ok: boolean;
}

function casesFor(recipe: SnippetRecipe): Case[] {
  const scheme = getScheme(recipe.schemeId)!;
  const secret = recipe.key === 'whsec' ? 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' : 'snippet-secret-123';
  const body = Buffer.from(BODY);
  const signed = (at: number, content = body) => scheme.sign({ secret, body: content, timestampSeconds: at, id: 'msg_snippet_1' }).headers;
  const make = (name: string, headers: Record<string, string>, ok: boolean, extra: Partial<Case> = {}): Case => ({
    name,
    headers,
    body_base64: body.toString('base64'),
    secret,
    now: NOW,
    ok,
    ...extra,
  });
  const cases = [
    make('valid', signed(NOW), true),
    make('tampered body', signed(NOW), false, { body_base64: Buffer.from(BODY.replace('0.95', '0.96')).toString('base64') }),
    make('wrong secret', signed(NOW), false, {
      secret: recipe.key === 'whsec' ? 'whsec_c2VjcmV0LW9mLWFub3RoZXItZW5kcG9pbnQ=' : 'another-secret',
    }),
    make('re-serialized body signed', signed(NOW, Buffer.from(JSON.stringify(JSON.parse(BODY)))), false),
  ];
  if (recipe.tolerance) {
    cases.push(make('expired', signed(NOW - 301), false));
    cases.push(make('within tolerance', signed(NOW - 299), true));
    cases.push(make('far future', signed(NOW + 3600), recipe.tolerance.direction === 'past-only'));
  }
  if (recipe.signature.kind === 'versioned-list') {
    const header = recipe.signatureHeader;
    const headers = signed(NOW);
    cases.push(
      make(
        'one of several signatures',
        { ...headers, [header]: `v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= ${headers[header]}` },
        true,
      ),
    );
  }
  if (recipe.signature.kind === 'keyed') {
    const headers = signed(NOW);
    const value = headers[recipe.signatureHeader] as string;
    cases.push(make('one of several signatures', { [recipe.signatureHeader]: value.replace(',v1=', `,v1=${'0'.repeat(64)},v1=`) }, true));
  }
  return cases;
}

const core = (code: string, marker: string) => code.slice(0, code.indexOf(marker));
const snippet = (recipe: SnippetRecipe, language: string) =>
  snippetsFor(recipe.schemeId)!.find((entry) => entry.language === language)!.code;
const available = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

const work = mkdtempSync(join(tmpdir(), 'hookscope-snippets-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('every snippet set is complete', () => {
  it.each(RECIPES.map((recipe) => [recipe.schemeId]))('%s has Node, Python, Go and Java, each reading the raw body', (id) => {
    const snippets = snippetsFor(id)!;
    expect(snippets.map((entry) => entry.language)).toEqual(['javascript', 'python', 'go', 'java']);
    const [node, python, go, java] = snippets.map((entry) => entry.code) as [string, string, string, string];
    expect(node).toContain('express.raw(');
    expect(node).not.toMatch(/JSON\.stringify\(req\.body\)[^,]/);
    expect(python).toContain('request.get_data()');
    expect(go).toContain('io.ReadAll(');
    expect(java).toContain('@RequestBody byte[] rawBody');
    for (const code of [node, python, go, java]) expect(code).toMatch(/timingSafeEqual|compare_digest|hmac\.Equal|MessageDigest\.isEqual/);
  });
});

describe('Node snippets (node:crypto, no Express needed)', () => {
  it.each(RECIPES.map((recipe) => [recipe.schemeId, recipe] as const))('%s', (_id, recipe) => {
    const cases = casesFor(recipe);
    const file = join(work, `${recipe.schemeId}.cjs`);
    writeFileSync(
      file,
      `${core(snippet(recipe, 'javascript'), NODE_ROUTE_MARKER)}
const cases = JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'));
const lower = (headers) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
console.log(JSON.stringify(cases.map((c) => verifyWebhook(Buffer.from(c.body_base64, 'base64'), lower(c.headers), c.secret, c.now).ok)));
`,
    );
    writeFileSync(`${file}.json`, JSON.stringify(cases));
    const results = JSON.parse(execFileSync(process.execPath, [file, `${file}.json`], { encoding: 'utf8' })) as boolean[];
    expect(Object.fromEntries(cases.map((c, i) => [c.name, results[i]]))).toEqual(Object.fromEntries(cases.map((c) => [c.name, c.ok])));
  });
});

describe('Python snippets (standard library, no Flask needed)', () => {
  const python = available('python3', ['--version']);
  it.skipIf(!python).each(RECIPES.map((recipe) => [recipe.schemeId, recipe] as const))('%s', (_id, recipe) => {
    const cases = casesFor(recipe);
    const file = join(work, `${recipe.schemeId.replace(/-/g, '_')}.py`);
    writeFileSync(
      file,
      `${core(snippet(recipe, 'python'), PYTHON_ROUTE_MARKER)}
import json, sys
cases = json.load(open(sys.argv[1]))
print(json.dumps([verify_webhook(base64.b64decode(c["body_base64"]), c["headers"], c["secret"], c["now"])[0] for c in cases]))
`,
    );
    writeFileSync(`${file}.json`, JSON.stringify(cases));
    const results = JSON.parse(execFileSync('python3', [file, `${file}.json`], { encoding: 'utf8' })) as boolean[];
    expect(Object.fromEntries(cases.map((c, i) => [c.name, results[i]]))).toEqual(Object.fromEntries(cases.map((c) => [c.name, c.ok])));
  });
});

describe('Java snippets (plain javac, no Spring needed)', () => {
  const java = available('javac', ['-version']) && available('java', ['-version']);
  it.skipIf(!java)('every scheme, compiled together and run once', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(work, 'java-'));
    const calls: string[] = [];
    const expected: boolean[] = [];
    RECIPES.forEach((recipe, index) => {
      const className = `WebhookVerifier${index}`;
      writeFileSync(
        join(dir, `${className}.java`),
        core(snippet(recipe, 'java'), JAVA_CONTROLLER_MARKER).replace(/WebhookVerifier/g, className),
      );
      for (const c of casesFor(recipe)) {
        const puts = Object.entries(c.headers)
          .map(([k, v]) => `h.put(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
          .join(' ');
        calls.push(`{ java.util.Map<String, String> h = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER); ${puts}
          out.add(${className}.verify(java.util.Base64.getDecoder().decode("${c.body_base64}"), h::get, ${JSON.stringify(c.secret)}, ${c.now}L) == null); }`);
        expected.push(c.ok);
      }
    });
    writeFileSync(
      join(dir, 'Main.java'),
      `public class Main { public static void main(String[] args) throws Exception {
      java.util.List<Boolean> out = new java.util.ArrayList<>();
      ${calls.join('\n')}
      System.out.println(out); } }`,
    );
    execFileSync('javac', ['-d', dir, ...RECIPES.map((_, i) => join(dir, `WebhookVerifier${i}.java`)), join(dir, 'Main.java')], {
      stdio: 'pipe',
    });
    const output = execFileSync('java', ['-cp', dir, 'Main'], { encoding: 'utf8' }).trim();
    expect(output).toBe(`[${expected.join(', ')}]`);
  });
});

describe('Go snippets', () => {
  const go = available('go', ['version']);
  it.skipIf(!go)('compile with go vet', () => {
    for (const recipe of RECIPES) {
      const dir = mkdtempSync(join(work, 'go-'));
      writeFileSync(join(dir, 'go.mod'), 'module example.com/webhooks\n\ngo 1.21\n');
      writeFileSync(join(dir, 'webhooks.go'), snippet(recipe, 'go'));
      execFileSync('go', ['vet', './...'], { cwd: dir, stdio: 'pipe' });
    }
  });
  it.runIf(!go)('are not compiled: no Go toolchain on this machine (`go` not found); Node, Python and Java cover the recipes', () => {
    expect(snippet(RECIPES[0]!, 'go')).toContain(GO_HANDLER_MARKER);
  });
});

/**
 * transport_url agreement: our parser against oslo.messaging's own
 * `TransportURL.parse`, run by test/oracles/oslo_transport.py in Debian's
 * /usr/bin/python3 (one process for every URL).
 *
 * The URLs: every URL-looking text of the plain (non-template) corpus files,
 * every `transport_url` value there (commented sample lines included), and
 * the edge cases below. For each, both parsers must agree on success; on
 * success on the driver, virtual host, every host (name, port, user,
 * password) and the query; on failure on the kind of error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTransportUrl, type TransportUrlParse } from '../../server/src/engine/model/oslo/transport-url.js';
import { oracleMissing } from '../helpers/oracle.js';
import { CORPUS_DIR, ROOT, sharedAvailable } from '../helpers/paths.js';
import { runPythonJson, whyPythonOracleMissing } from './oracle.js';
import { filesUnder } from '../helpers/files.js';

const ORACLE = join(ROOT, 'test/oracles/oslo_transport.py');

/** Hand-written cases: several hosts, encodings, IPv6, ports, queries, broken URLs. */
export const EDGE_CASES: readonly string[] = [
  'rabbit://nova:s3cr3t@rabbit1:5671,nova:s3cr3t@rabbit2:5671/nova?ssl=1',
  'rabbit://',
  'rabbit:///',
  'rabbit://u:p@h1,h2/',
  'rabbit://u:p@h:5672/',
  'rabbit://u:p@h:5672//',
  'rabbit://u:p@h:5672/nova',
  'rabbit://u:p%40ss%2Fw%3Ard%23x@h:5672/',
  'rabbit://u:p#ss@h:5672/',
  'rabbit://u:p/ss@h:5672/',
  'rabbit://u:12/x@h/',
  'rabbit://u:p?ss@h/',
  'rabbit://u:p@ss@h/',
  'rabbit://u:p:ss@h/',
  'rabbit://us:er:p@h',
  'amqp://u:p@[fd00::1]:5672/vh',
  'rabbit://[::1]/',
  'rabbit://u:p@[::1/',
  'rabbit://u:p@[1.2.3.4]:5672/',
  'rabbit://u:p@[fe80::1%25eth0]:5672/',
  'rabbit://u:p@[vff.x]:5672/',
  'rabbit://u:p@[vzz]:5672/',
  'rabbit://u:p@[::1]x:5672/',
  'rabbit://u:p@h:/',
  'rabbit://u:p@h:abc/',
  'rabbit://u:p@h: 5672/',
  'rabbit://u:p@h:+5672/',
  'rabbit://u:p@h:5_672/',
  'rabbit://u:p@h:-1/',
  'rabbit://u:p@h:99999999/',
  'RABBIT://u:p@H:5672/',
  'kombu://u:p@h/',
  'kafka://u:p@k1:9092,u:p@k2:9092/',
  'rabbit://u:p@h/?ssl=1&ssl=true',
  'rabbit://u:p@h/?ssl=&x=1',
  'rabbit://u:p@h/?a+b=c+d',
  'rabbit://u:p@h/?ssl_ca_file=%2Fetc%2Fca.pem&ssl',
  'rabbit://u:p@h/vh%2Fx',
  'rabbit://u:p@h/#frag',
  'rabbit://u:p@h/vh#x?y',
  '  rabbit://u:p@h/',
  '\u0001rabbit://u:p@h/',
  'rabbit://u:p@h/ # HA pair',
  'rabbit://u:p\n@h/',
  'rabbit://u:p@h\t:5672/',
  '//h/',
  'h:5672',
  '1abc://h',
  'rabbit:h',
  'rabbit://u:p%zz@h/',
  'rabbit://u:p%C3%A9@h/',
  'rabbit://u:p%C3@h/',
  'rabbit://u:p%ED%A0%80@h/',
  'rabbit://u:p%EF%BB%BFx@h/',
  'rabbit://ü:p@h/',
  'rabbit://u:p@ℌ/',
  'rabbit://u:p@h℀x/',
  'rabbit://u:p＠h/',
  'rabbit://u,v:p@h/',
  'rabbit://,,u:p@h,,/',
  'rabbit://@h/',
  'rabbit://u:@h/',
  'rabbit://:p@h/',
  'rabbit://u:p@/',
  'rabbit://u:p@h:5672,h2/',
  'rabbit://u:p@[::1]:5672,u:p@[::2]:5673/',
  'rabbit://h1,[::1]/',
  'rabbit://u:p@h]/',
  'rabbit://u:p@h/%E2%82%AC',
  'rabbit://u%3Ap:x@h/',
  'rabbit://u:p@h:5672/?ssl=1&',
  'rabbit://u:p@h?ssl=1',
  'zmq://',
  'fake://',
  'kombu+memory:///',
  'rabbit://u:p@[::ffff:1.2.3.4]:5672/',
  'rabbit://u:p@[::1.2.3.04]/',
  'rabbit://u:p@[1::2::3]/',
  'rabbit://u:p@[]/',
  'rabbit://u:p@[1:2:3:4:5:6:7:8]/',
  'rabbit://u:p@[1:2:3:4:5:6:7]/',
  'rabbit://u:p@[:1:2:3:4:5:6:7]/',
  'rabbit://u:p@[12345::1]/',
  'rabbit://u:p@h:٥٦٧٢/',
  'rabbit://u:p@h:５６７２/',
  'rabbit://u:p@h:5672/\u00a0',
  'rabbit://nova:Xq9%23mB2%2Fz@rabbit1.example.org:5671,nova:Xq9%23mB2%2Fz@rabbit2.example.org:5671/nova',
  'rabbit://guest:guest@localhost:5672/',
  'rabbit://openstack:RABBIT_PASS@controller',
  'amqp://u:p@broker:5672/?sasl_mechanisms=PLAIN',
  'qpid://cinder:pw@controller:5672/',
];

/** Where a URL ends inside running text. */
const URL_IN_TEXT = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s'"<>()`]*/g;
const TRANSPORT_URL_LINE = /^[#;]?\s*(?:notification_)?transport_url\s*[=:][ \t]*(.*)$/gm;
const TEMPLATE_TAG = /\{[{%#]|<%|@[A-Z_]+@/;

/** Every URL text of the plain corpus files (templates skipped). */
function corpusUrls(): string[] {
  const urls = new Set<string>();
  for (const file of filesUnder(CORPUS_DIR)) {
    const text = readFileSync(file, 'utf8');
    if (TEMPLATE_TAG.test(text)) continue;
    for (const m of text.matchAll(URL_IN_TEXT)) urls.add(m[0]);
    for (const m of text.matchAll(TRANSPORT_URL_LINE)) if (m[1].trim() !== '') urls.add(m[1]);
  }
  return [...urls];
}

interface OracleHost {
  readonly hostname: string | null;
  readonly port: string | null;
  readonly username: string | null;
  readonly password: string | null;
}

type OracleAnswer =
  | {
      readonly ok: true;
      readonly transport: string;
      readonly virtual_host: string | null;
      readonly hosts: readonly OracleHost[];
      readonly query: readonly [string, string][];
    }
  | { readonly ok: false; readonly error: string; readonly message: string };

/** Our parse in the oracle's shape. */
function ours(parse: TransportUrlParse): OracleAnswer {
  if (!parse.ok) {
    return { ok: false, error: parse.error.kind === 'no-scheme' ? 'InvalidTransportURL' : 'ValueError', message: parse.error.message };
  }
  const u = parse.url;
  return {
    ok: true,
    transport: u.transport,
    virtual_host: u.virtualHost,
    hosts: u.hosts.map((h) => ({
      hostname: h.hostname,
      port: h.port === null ? null : String(h.port),
      username: h.username,
      password: h.password,
    })),
    query: [...u.query],
  };
}

/** The oracle's answer with what we do not compare removed (InvalidTransportURL's wording). */
function comparable(a: OracleAnswer): OracleAnswer {
  if (!a.ok && a.error === 'InvalidTransportURL') return { ok: false, error: a.error, message: '' };
  return a;
}

test('transport_url: our parser agrees with oslo_messaging.TransportURL.parse', (t) => {
  const missing = whyPythonOracleMissing(['oslo_messaging']);
  if (missing) return oracleMissing(t, missing);
  const fromCorpus = sharedAvailable() ? corpusUrls() : [];
  if (process.env.CI === 'true') assert.ok(fromCorpus.length > 0, 'no corpus URLs found');
  const urls = [...new Set([...EDGE_CASES, ...fromCorpus])];
  assert.ok(EDGE_CASES.length >= 40);
  const answers = runPythonJson<OracleAnswer[]>(ORACLE, urls);
  assert.equal(answers.length, urls.length);
  const disagreements: string[] = [];
  let broken = 0;
  urls.forEach((url, i) => {
    const expected = comparable(answers[i]);
    const actual = comparable(ours(parseTransportUrl(url)));
    if (!expected.ok) broken++;
    try {
      assert.deepEqual(actual, expected);
    } catch {
      disagreements.push(`${JSON.stringify(url)}\n  oslo: ${JSON.stringify(expected)}\n  ours: ${JSON.stringify(actual)}`);
    }
  });
  assert.deepEqual(disagreements, []);
  // The cases must exercise both sides.
  assert.ok(broken >= 10, `only ${broken} broken URLs`);
  assert.ok(urls.length - broken >= 40);
});

test('transport_url spans point at the user and password as written', () => {
  const text = 'rabbit://nova:p%40ss@h1:5671,neutron:x@h2/vh';
  const r = parseTransportUrl(text);
  assert.ok(r.ok);
  const [a, b] = r.url.hosts;
  assert.equal(text.slice(a.usernameSpan!.start, a.usernameSpan!.end), 'nova');
  assert.equal(text.slice(a.passwordSpan!.start, a.passwordSpan!.end), 'p%40ss');
  assert.equal(a.password, 'p@ss');
  assert.equal(text.slice(b.usernameSpan!.start, b.usernameSpan!.end), 'neutron');
  assert.equal(text.slice(b.span.start, b.span.end), 'neutron:x@h2');
  // Removed tab and leading blanks do not shift the spans.
  const shifted = '  rabbit://us\ter:pw@h/';
  const s = parseTransportUrl(shifted);
  assert.ok(s.ok);
  assert.equal(s.url.hosts[0].username, 'user');
  assert.equal(shifted.slice(s.url.hosts[0].usernameSpan!.start, s.url.hosts[0].usernameSpan!.end), 'us\ter');
  assert.equal(shifted.slice(s.url.hosts[0].passwordSpan!.start, s.url.hosts[0].passwordSpan!.end), 'pw');
});

/**
 * The Erlang built-ins behind cuttlefish's datatypes, checked against a real
 * Erlang (`escript`): inet:parse_address/1 (the `ip` datatype and the
 * `is_ip` validator), list_to_integer/1, list_to_float/1, and how `~tp` /
 * `~p` print strings and floats in error messages. One Erlang process
 * answers every question.
 *
 * IPv4 parts with a sign or a 0x prefix, and IPv6 `%zone` suffixes, are left
 * out: OTP 25 (this machine's Erlang) and the OTP 26+ that RabbitMQ 4
 * requires disagree there, and we follow the newer one (inet-address.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oracleMissing } from '../helpers/oracle.js';
import { ROOT } from '../helpers/paths.js';
import { isInetAddress } from '../../server/src/engine/formats/cuttlefish/inet-address.js';
import { erlangNumber, erlangString, listToFloat, listToInteger } from '../../server/src/engine/formats/cuttlefish/erlang-text.js';

const ORACLE = join(ROOT, 'test', 'fixtures', 'cuttlefish', 'erlang-builtins.escript');

type Kind = 'ip' | 'int' | 'float' | 'fmt' | 'fnum';

function escriptAvailable(): boolean {
  return spawnSync('escript', ['-s', ORACLE], { encoding: 'utf8' }).status === 0;
}

/** Asks Erlang every question at once; answers come back in order. */
function askErlang(questions: readonly (readonly [Kind, string])[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'mq-harden-erl-'));
  const file = join(dir, 'questions.txt');
  writeFileSync(file, questions.map(([k, s]) => `${k} ${Buffer.from(s, 'utf8').toString('hex')}`).join('\n') + '\n');
  const r = spawnSync('escript', [ORACLE, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  const answers = r.stdout.trim().split('\n');
  assert.equal(answers.length, questions.length);
  return answers;
}

const fromHex = (answer: string) => Buffer.from(answer.slice(3), 'hex').toString('utf8');

/** IPv4 candidates: 1 to 5 parts of decimal and octal-looking numbers, and broken shapes. */
function ipv4Candidates(): string[] {
  const parts = ['0', '1', '9', '10', '99', '127', '255', '256', '999', '01', '010', '08', '0377', '0400', '65535', '65536', '16777215', '16777216', '4294967295', '4294967296'];
  const out = new Set<string>(['', '.', '1.', '.1', '1..2', '1.2.3.4.', ' 1.2.3.4', '1.2.3.4 ', '1.2.3.a', 'localhost', '1,2,3,4']);
  for (const a of parts) {
    out.add(a);
    for (const b of parts) {
      out.add(`${a}.${b}`);
      out.add(`1.${a}.${b}`);
      out.add(`1.2.${a}.${b}`);
      out.add(`${a}.2.3.${b}`);
    }
  }
  out.add('1.2.3.4.5');
  return [...out];
}

/** IPv6 candidates: groups of varied widths, `::` in every place, IPv4 tails, stray colons and brackets. */
function ipv6Candidates(): string[] {
  const groups = ['0', '1', 'a', 'ffff', 'FFFF', 'abcd', '12345', 'g', '00000', '0001'];
  const tails = ['1.2.3.4', '01.2.3.4', '256.0.0.1', '1.2.3', '0.0.0.0'];
  const out = new Set<string>(['::', ':::', '::1', '1::', ':1', '1:', '[::1]', '::1]', '1::2::3', ':::1', '1:::2', '::1.2.3.4', '::ffff:1.2.3.4']);
  for (let n = 1; n <= 9; n++) {
    for (const g of groups) {
      const list = Array.from({ length: n }, (_, i) => (i === n - 1 ? g : String(i + 1)));
      out.add(list.join(':'));
      for (let cut = 0; cut <= n; cut++) out.add(`${list.slice(0, cut).join(':')}::${list.slice(cut).join(':')}`);
      for (const t of tails) {
        out.add(`${list.join(':')}:${t}`);
        out.add(`${list.slice(0, Math.max(0, n - 2)).join(':')}::${t}`);
      }
    }
  }
  return [...out];
}

test('inet:parse_address/1: our IP parser agrees with Erlang', (t) => {
  if (!escriptAvailable()) return oracleMissing(t, 'escript (Erlang) is needed to check the IP address parser');
  const candidates = [...ipv4Candidates(), ...ipv6Candidates()];
  const answers = askErlang(candidates.map((c) => ['ip', c] as const));
  const disagreements = candidates.filter((c, i) => (answers[i] === 'ok') !== isInetAddress(c));
  assert.deepEqual(disagreements, [], `${disagreements.length} of ${candidates.length} candidates disagree`);
  assert.ok(answers.filter((a) => a === 'ok').length > 100, 'the candidates include many valid addresses');
});

test('list_to_integer/1 and list_to_float/1 agree with Erlang', (t) => {
  if (!escriptAvailable()) return oracleMissing(t, 'escript (Erlang) is needed to check number conversions');
  const texts = ['0', '5672', '+5', '-5', '-0', '007', ' 5', '5 ', '', '+', '-', '1_000', '0x10', '1e3', '١٢', '99999999999999999999999',
    '1.5', '+1.5', '-1.5', '1', '1.', '.5', '1.5e3', '1.5E-3', '1.0e+3', '00.5', '1.5e400', '1.5 ', '1.5e', '1.5e+', '0.0'];
  const answers = askErlang([...texts.map((s) => ['int', s] as const), ...texts.map((s) => ['float', s] as const)]);
  texts.forEach((s, i) => {
    const mine = listToInteger(s);
    assert.equal(mine === undefined ? 'error' : `ok ${mine}`, answers[i], `list_to_integer(${JSON.stringify(s)})`);
    assert.equal(listToFloat(s) === undefined ? 'error' : 'ok', answers[texts.length + i], `list_to_float(${JSON.stringify(s)})`);
  });
});

test('~tp of strings and ~p of floats print as in Erlang', (t) => {
  if (!escriptAvailable()) return oracleMissing(t, 'escript (Erlang) is needed to check message formatting');
  const strings = ['verify_pee', '', 'a"b', 'back\\slash', 'tab\there', 'new\nline', 'é ü', '世界', 'esc\u001b', 'bell\u0007'];
  const floats = ['0.0', '1.0', '0.5', '10.0', '100.0', '1000.0', '1.5e3', '12345.0', '0.001', '0.0001', '1.0e-5', '123456789.0', '1.0e21', '3.14', '-2.5'];
  const answers = askErlang([...strings.map((s) => ['fmt', s] as const), ...floats.map((s) => ['fnum', s] as const)]);
  strings.forEach((s, i) => assert.equal(erlangString(s), fromHex(answers[i]), `~tp of ${JSON.stringify(s)}`));
  floats.forEach((s, i) => assert.equal(erlangNumber(Number(s), true), fromHex(answers[strings.length + i]), `~p of ${s}`));
});

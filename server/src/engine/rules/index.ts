import { duplicateSetting } from './cfg/duplicate-setting.js';
import { invalidValue } from './cfg/invalid-value.js';
import { syntaxError } from './cfg/syntax-error.js';
import { unknownSetting } from './cfg/unknown-setting.js';
import { badSuppression } from '../suppression/bad-suppression.js';
import { OSLO_RULES } from './oslo/index.js';
import { QPID_RULES } from './qpid/index.js';
import { RMQ_RULES } from './rmq/index.js';
import type { Rule } from './rule.js';

/** Every rule the engine runs, in code order. */
export const ALL_RULES: readonly Rule[] = [syntaxError, unknownSetting, invalidValue, duplicateSetting, badSuppression, ...RMQ_RULES, ...OSLO_RULES, ...QPID_RULES];

export function findRule(code: string): Rule | undefined {
  return ALL_RULES.find((r) => r.code === code);
}

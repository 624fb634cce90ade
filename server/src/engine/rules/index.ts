import type { Rule } from '../rule';
import { missingSection } from './missing-section';

/** Every rule, in code order. Codes and names are stable: settings and disable comments use them. */
export const RULES: Rule[] = [missingSection];

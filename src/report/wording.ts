// The report layer's words for engine facts inside rule messages (see Wording in src/rules/types.ts).
import type { Wording } from '../rules/types.js';
import { blockerText } from './reason-text.js';
import { warningDetail } from './trace-words.js';

export const REPORT_WORDING: Wording = { blocker: blockerText, warning: warningDetail };

// The default policy's case table, as reviewed by store managers and run by the server's
// tests (tests/returns/policy_cases.tsv): the console tries an edit against the same rows.
import table from '../../../../../../tests/returns/policy_cases.tsv?raw';
import { parseCaseTable } from './rules.js';

export const defaultCases = () => parseCaseTable(table).rows;

import { migration as eventLog } from './001-event-log';
import { migration as deskTokens } from './002-desk-tokens';
import { migration as referenceData } from './003-reference-data';
import { migration as seedDepartments } from './004-seed-departments';
import { migration as correctionResults } from './005-correction-results';
import { migration as rowBytes } from './006-row-bytes';
import { migration as refusedEvents } from './007-refused-events';
import { migration as referenceRevisions } from './008-reference-revisions';
import { migration as employeeBadges } from './009-employee-badges';
import { migration as referenceActive } from './010-reference-active';
import { migration as eventInstantIndex } from './011-event-instant-index';
import { migration as reportRows } from './013-report-rows';
import type { Migration } from './migration';

/**
 * A stand-in for 012, the accessories branch's migration, so the numbering is whole on this branch;
 * the merge replaces it with the real one. A database migrated on this branch alone has recorded a
 * 012 that did nothing: throw such a trial database away rather than carry it over.
 */
const reserved012: Migration = { version: 12, name: 'reserved for the accessories branch', up: async () => {} };

/** Every migration, in order. A new one gets the next number and goes at the end; none is ever edited. */
export const migrations: readonly Migration[] = [eventLog, deskTokens, referenceData, seedDepartments, correctionResults, rowBytes, refusedEvents, referenceRevisions, employeeBadges, referenceActive, eventInstantIndex, reserved012, reportRows];

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
import { migration as accessories } from './012-accessories';
import { migration as reportRows } from './013-report-rows';
import { migration as reportRowsMarks } from './014-report-rows-marks';
import { migration as reportRowsByPart } from './015-report-rows-by-part';
import { migration as intuneEvidence } from './016-intune-evidence';
import type { Migration } from './migration';

/** Every migration, in order. A new one gets the next number and goes at the end; none is ever edited. */
export const migrations: readonly Migration[] = [eventLog, deskTokens, referenceData, seedDepartments, correctionResults, rowBytes, refusedEvents, referenceRevisions, employeeBadges, referenceActive, eventInstantIndex, accessories, reportRows, reportRowsMarks, reportRowsByPart, intuneEvidence];

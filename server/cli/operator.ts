import type { Database } from '../db/database';
import { listOperators, saveOperator } from '../operators/operators';

export const operatorUsage = 'operator add <id> <desk|warehouse|team_lead> <name…> [--badge <code>] (PIN on stdin) | operator list';

/**
 * `operator add <id> <role> <name…> [--badge <code>]`, the PIN read from standard input (typed,
 * or piped: never on the command line, where `ps` and the shell history would keep it);
 * `operator list`. Returns the exit code.
 */
export async function operatorCommand(db: Database, args: readonly string[], out: (line: string) => void, readPin: () => Promise<string>): Promise<number> {
  const [verb, id, role, ...rest] = args;
  if (verb === 'list' && !id) {
    const operators = await listOperators(db);
    if (operators.length === 0) out('No operators yet.');
    for (const o of operators) out(`${o.id.padEnd(16)} ${o.role.padEnd(10)} ${o.name}${o.badge ? `  badge ${o.badge}` : ''}`);
    return 0;
  }
  const badgeAt = rest.indexOf('--badge');
  const badge = badgeAt >= 0 ? rest[badgeAt + 1] : undefined;
  const name = (badgeAt >= 0 ? [...rest.slice(0, badgeAt), ...rest.slice(badgeAt + 2)] : rest).join(' ').trim();
  if (verb !== 'add' || !id || !role || !name || (badgeAt >= 0 && !badge)) {
    out(`usage: ${operatorUsage}`);
    return 2;
  }
  const result = await saveOperator(db, { id, name, role, badge, pin: (await readPin()).trim() });
  if (!result.ok) {
    out(`Not saved: ${result.problem}`);
    return 1;
  }
  out(`Operator ${id} (${role}) saved; desks receive it with their next sync (reference revision ${result.revision}).`);
  return 0;
}

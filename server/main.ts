import { describeDatabase, readConfig } from './config';
import { deskCommand } from './cli/desk';
import { importCommand } from './cli/import';
import { operatorCommand, operatorUsage } from './cli/operator';
import { serve } from './cli/serve';
import { openDatabase } from './db/open';

/**
 * `npm run server` — the central inventory service (SYNC.md).
 * `npm run server -- desk add <deskId> | desk list | desk revoke <deskId>` — desk tokens.
 * `npm run server -- import <table> <file.csv>` — reference data.
 * `npm run server -- operator add <id> <role> <name…> [--badge <code>]` (PIN on stdin) | `operator list`.
 * `npm run server -- import devices <file.csv> [--dry-run] [--skip-invalid]` — the existing fleet.
 */
const [command, ...args] = process.argv.slice(2);
const config = readConfig(process.env);
const out = (line: string) => console.log(line);
/** One line on stderr, rewritten in place while a long import writes. */
const progress = (done: number, total: number) => {
  process.stderr.write(`\rImporting ${done.toLocaleString('en')} of ${total.toLocaleString('en')} devices${done === total ? '\n' : ''}`);
};

/** The PIN from standard input: the first line typed or piped. */
const readPin = async (): Promise<string> => {
  if (process.stdin.isTTY) process.stderr.write('PIN: ');
  for await (const chunk of process.stdin) return String(chunk).split(/\r?\n/)[0] ?? '';
  return '';
};

if (command === undefined || command === 'serve') {
  await serve(config).catch((error: unknown) => {
    console.error(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
} else if (command === 'desk' || command === 'import' || command === 'operator') {
  const db = await openDatabase(config.database);
  let code = 1;
  try {
    console.error(`(${describeDatabase(config.database)})`);
    code =
      command === 'desk'
        ? await deskCommand(db, args, out)
        : command === 'operator'
          ? await operatorCommand(db, args, out, readPin)
          : await importCommand(db, args, out, progress);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
  } finally {
    await db.close();
  }
  process.exitCode = code;
} else {
  console.error(`usage: server [serve] | desk add <deskId> | desk list | desk revoke <deskId> | import <table> <file.csv> | import devices <file.csv> [--dry-run] [--skip-invalid] | ${operatorUsage}`);
  process.exitCode = 2;
}

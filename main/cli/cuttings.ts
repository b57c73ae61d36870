/**
 * The `cuttings` command line: finds the command, hands it its arguments and turns what went
 * wrong into one line on stderr and an exit status. Exit status 0 on success, 1 when the
 * input or the library is at fault (one line on stderr naming what was wrong, never a stack
 * trace), 2 for bad usage. Each command is in commands/<name>.ts; what they share is in
 * cli-kit.ts.
 */
import { CuttingsError } from '../../common/errors';
import { APP_VERSION } from '../core/storage/app-version';
import { UsageError, type CliIo, type Command } from './cli-kit';
import { addCommand } from './commands/add';
import { deleteCommand } from './commands/delete';
import { editCommand } from './commands/edit';
import { evidenceCommand } from './commands/evidence';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { keysCommand } from './commands/keys';
import { listCommand } from './commands/list';
import { noteCommand } from './commands/note';
import { ocrCommand } from './commands/ocr';
import { recaptureCommand } from './commands/recapture';
import { reindexCommand } from './commands/reindex';
import { rulesCommand } from './commands/rules';
import { searchCommand } from './commands/search';
import { showCommand } from './commands/show';
import { tagCommand } from './commands/tag';
import { tagsCommand } from './commands/tags';
import { timestampCommand } from './commands/timestamp';
import { verifyCommand } from './commands/verify';
import { COMMAND_HELP, MAIN_HELP } from './usage';

/** Runs the CLI with `argv` (without `node cuttings`) and resolves to the exit status. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.stdout.write(`${MAIN_HELP}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
      io.stdout.write(`${APP_VERSION}\n`);
      return 0;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command '${command}'`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`${COMMAND_HELP[command]}\n`);
      return 0;
    }
    return (await run(rest, io)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`cuttings: ${error.message}\nRun 'cuttings ${command && COMMANDS[command] ? `${command} ` : ''}--help' for usage.\n`);
      return 2;
    }
    if (error instanceof CuttingsError) {
      io.stderr.write(`cuttings: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`cuttings: internal error: ${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}

const COMMANDS: Record<string, Command> = {
  // Loaded on use: extraction brings in the HTML parsers.
  extract: async (args, io) => (await import('./commands/extract')).extractCommand(args, io),
  add: addCommand,
  recapture: recaptureCommand,
  ocr: ocrCommand,
  search: searchCommand,
  show: showCommand,
  list: listCommand,
  tag: tagCommand,
  import: importCommand,
  export: exportCommand,
  tags: tagsCommand,
  rules: rulesCommand,
  note: noteCommand,
  edit: editCommand,
  verify: verifyCommand,
  reindex: reindexCommand,
  evidence: evidenceCommand,
  timestamp: timestampCommand,
  keys: keysCommand,
  delete: deleteCommand,
};

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

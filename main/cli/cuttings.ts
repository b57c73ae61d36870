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

/**
 * Each command is loaded when it is run: a command's module brings in what it needs (the HTML
 * parsers, sharp, tesseract.js, the exporters), and loading every one of them took 1.2 s before
 * `cuttings --help` could answer. `list` or `search` loads its own in well under that.
 */
const COMMANDS: Record<string, Command> = {
  extract: async (args, io) => (await import('./commands/extract')).extractCommand(args, io),
  add: async (args, io) => (await import('./commands/add')).addCommand(args, io),
  recapture: async (args, io) => (await import('./commands/recapture')).recaptureCommand(args, io),
  ocr: async (args, io) => (await import('./commands/ocr')).ocrCommand(args, io),
  search: async (args, io) => (await import('./commands/search')).searchCommand(args, io),
  show: async (args, io) => (await import('./commands/show')).showCommand(args, io),
  list: async (args, io) => (await import('./commands/list')).listCommand(args, io),
  tag: async (args, io) => (await import('./commands/tag')).tagCommand(args, io),
  import: async (args, io) => (await import('./commands/import')).importCommand(args, io),
  export: async (args, io) => (await import('./commands/export')).exportCommand(args, io),
  tags: async (args, io) => (await import('./commands/tags')).tagsCommand(args, io),
  rules: async (args, io) => (await import('./commands/rules')).rulesCommand(args, io),
  note: async (args, io) => (await import('./commands/note')).noteCommand(args, io),
  edit: async (args, io) => (await import('./commands/edit')).editCommand(args, io),
  verify: async (args, io) => (await import('./commands/verify')).verifyCommand(args, io),
  reindex: async (args, io) => (await import('./commands/reindex')).reindexCommand(args, io),
  evidence: async (args, io) => (await import('./commands/evidence')).evidenceCommand(args, io),
  timestamp: async (args, io) => (await import('./commands/timestamp')).timestampCommand(args, io),
  keys: async (args, io) => (await import('./commands/keys')).keysCommand(args, io),
  delete: async (args, io) => (await import('./commands/delete')).deleteCommand(args, io),
};

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

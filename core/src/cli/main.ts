import { VERSION } from '../version';

function main(argv: string[]): number {
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  process.stderr.write('jitterbit-guard: analysis not wired yet\n');
  return 2;
}

process.exitCode = main(process.argv.slice(2));

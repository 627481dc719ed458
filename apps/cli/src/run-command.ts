/**
 * Runs an operator command: expected failures (bad configuration, unreachable services, invalid files) print one
 * line and exit non-zero; nothing prints a stack trace unless DEBUG is set.
 */
export function runCommand(work: () => Promise<void>): void {
  work().then(
    () => process.exit(0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${message}\n`);
      if (process.env.DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
      process.exit(1);
    },
  );
}

import { loadConfigOrExit } from '@subsidy/config';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { addHolidayYearFromFile } from './calendar/add-year';
import { runCommand } from './run-command';

/**
 * `npm run calendar:add-year -- --file config/holidays/2027.yaml [--by <name>] [--reason <text>]`: adds a year's State
 * Council holiday notice (format: config/holidays/README.md) so working-day deadlines in that year can be counted.
 * Running the same file again replaces the year with the same days (a new version in the audit log).
 */
runCommand(async () => {
  const { values } = parseArgs({ options: { file: { type: 'string' }, by: { type: 'string' }, reason: { type: 'string' } } });
  if (!values.file) throw new Error('--file is required: the year\'s notice as YAML, e.g. config/holidays/2027.yaml');
  const config = loadConfigOrExit();
  const view = await addHolidayYearFromFile(config, values.file, values.by ?? userInfo().username, values.reason);
  process.stdout.write(
    `${view.year}: ${view.noticeNumber}, ${view.holidays} days off and ${view.workdays} make-up working days saved (version ${view.version}); running processes use it at once\n`,
  );
});

// identity show | set FILE | add LIST TERM… | remove LIST TERM… : the organisation's own accounts,
// names, nicknames, physicians, campuses, brand hashtags, exclusions (false friends), public contact
// details and first-response targets, which the mentions inbox matches posts against.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { addTerms, getIdentity, removeTerms, setIdentity } from '../../queries/identity.ts';
import { DomainError } from '../../queries/errors.ts';
import { IdentityList, type Identity } from '../../queries/listening/contract.ts';
import { withDb } from '../context.ts';
import { fail, output, UsageError } from '../output.ts';

const ACTOR = 'cli';

function human(i: Identity): string {
  const lines = IdentityList.options.map(
    (l) => `${l.padEnd(11)} ${i[l].length ? i[l].join(' | ') : '(none)'}`,
  );
  const sla = Object.entries(i.sla.targets).map(
    ([c, t]) =>
      `  ${c.padEnd(16)} ${t.hours} h ${t.businessHoursOnly ? 'of business hours' : 'around the clock'}`,
  );
  const bh = i.sla.businessHours;
  return [
    ...lines,
    `first-response targets (business hours ${bh.start}:00-${bh.end}:00, days ${bh.days.join(',')}, ${bh.zone}):`,
    ...sla,
  ].join('\n');
}

function list(name: string): IdentityList {
  const r = IdentityList.safeParse(name);
  if (!r.success) throw new UsageError(`LIST must be one of ${IdentityList.options.join(', ')}`);
  return r.data;
}

/** Domain refusals (a term too short, one not in the list) are usage errors: exit 2 with the reason. */
async function run<T>(work: Parameters<typeof withDb<T>>[1]): Promise<T> {
  try {
    return await withDb({ log: () => {} }, work);
  } catch (err) {
    if (err instanceof DomainError) throw new UsageError(err.message);
    throw err;
  }
}

export function register(program: Command): void {
  const cmd = program
    .command('identity')
    .description("the organisation's identity the mentions inbox matches posts against (admin)");
  cmd
    .command('show')
    .description('print the identity lists and first-response targets')
    .option('--json', 'print the identity as JSON')
    .action(async (o: { json?: boolean }) => {
      const out = output(!!o.json);
      try {
        out.result(await run(({ db }) => getIdentity(db)), human);
      } catch (err) {
        fail(err, !!o.json);
      }
    });
  cmd
    .command('set')
    .description('replace the whole identity with a JSON file (the shape `identity show --json` prints)')
    .argument('<file>', 'JSON file')
    .option('--json', 'print the stored identity as JSON')
    .action(async (file: string, o: { json?: boolean }) => {
      const out = output(!!o.json);
      try {
        let body: unknown;
        try {
          body = JSON.parse(readFileSync(file, 'utf8'));
        } catch (err) {
          throw new UsageError(`${file}: ${(err as Error).message}`);
        }
        out.result(await run(({ db }) => setIdentity(db, ACTOR, body as Identity)), human);
      } catch (err) {
        fail(err, !!o.json);
      }
    });
  for (const [name, verb] of [
    ['add', 'add terms to'],
    ['remove', 'remove terms from'],
  ] as const) {
    cmd
      .command(name)
      .description(`${verb} one list: ${IdentityList.options.join(', ')}`)
      .argument('<list>', 'which list')
      .argument('<terms...>', 'terms, e.g. "Mercy General" @MercyGeneral')
      .option('--json', 'print the stored identity as JSON')
      .action(async (l: string, terms: string[], o: { json?: boolean }) => {
        const out = output(!!o.json);
        try {
          const which = list(l);
          const result = await run(({ db }) =>
            name === 'add' ? addTerms(db, ACTOR, which, terms) : removeTerms(db, ACTOR, which, terms),
          );
          out.result(result, human);
        } catch (err) {
          fail(err, !!o.json);
        }
      });
  }
}

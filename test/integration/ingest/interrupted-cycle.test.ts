import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExampleFeedServer, startExampleFeedServer } from '../../../cli/local/example-feed-server';
import { createLocalIngestDeps } from '../../../cli/local/local-ingest';
import { DynamoAlertStore } from '../../../lambda/adapters/dynamodb/dynamo-alert-store';
import { DynamoFeedRegistry } from '../../../lambda/adapters/dynamodb/dynamo-feed-registry';
import { DynamoStoryStore } from '../../../lambda/adapters/dynamodb/dynamo-story-store';
import { runCycle } from '../../../lambda/use-cases/run-cycle';
import { type TestTable, useDynalite } from '../../support/dynalite';
import { storedState } from '../../support/stored-state';

const dynalite = useDynalite();
let examples: ExampleFeedServer;

beforeAll(async () => {
  examples = await startExampleFeedServer();
});
afterAll(async () => {
  await examples.close();
});

class SimulatedCrash extends Error {}

/**
 * Makes the table's client die after `writes` write requests: that request and every later one (reads too)
 * fail, as if the process had been killed there. The SDK client and dynalite are real; only the moment of
 * death is staged.
 */
function crashAfter(table: TestTable, writes: number): void {
  let count = 0;
  let dead = false;
  table.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (dead) throw new SimulatedCrash('process is dead');
      if (/^(Put|Update|Delete|BatchWrite)/.test(String(context.commandName))) {
        count += 1;
        if (count > writes) {
          dead = true;
          throw new SimulatedCrash(`killed before write ${count}`);
        }
      }
      return next(args);
    },
    { step: 'initialize', name: 'simulatedCrash' },
  );
}

function depsFor(table: TestTable) {
  const stores = {
    registry: new DynamoFeedRegistry(table.doc, table.tableName),
    stories: new DynamoStoryStore(table.doc, table.tableName),
    alerts: new DynamoAlertStore(table.doc, table.tableName),
  };
  return createLocalIngestDeps(stores, { trustedOrigins: [examples.origin] });
}

describe('a cycle killed half-way and run again', () => {
  let reference: Omit<Awaited<ReturnType<typeof storedState>>, 'items'>;

  beforeAll(async () => {
    const table = await dynalite.createTestTable();
    const deps = depsFor(table);
    await deps.registry.add(examples.feeds, new Date());
    await runCycle(deps, { includeNotDue: true, concurrency: 1 });
    const { items: _items, ...state } = await storedState(table);
    reference = state;
  });

  it('has something to lose in the uninterrupted run', () => {
    expect(reference.seen.length).toBeGreaterThan(5);
    expect(reference.alerts.length).toBeGreaterThan(1);
  });

  it.each([1, 3, 6, 9, 14, 20])(
    'ends with exactly the stories and alerts of an uninterrupted run (killed before write %i)',
    async (writes) => {
      const table = await dynalite.createTestTable();
      await depsFor(table).registry.add(examples.feeds, new Date());
      crashAfter(table, writes);
      await expect(runCycle(depsFor(table), { includeNotDue: true, concurrency: 1 })).rejects.toThrow(
        SimulatedCrash,
      );

      table.client.middlewareStack.remove('simulatedCrash');
      await runCycle(depsFor(table), { includeNotDue: true, concurrency: 1 });
      const { items: _items, ...state } = await storedState(table);
      expect(state).toEqual(reference);
    },
  );
});

import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { TestTable } from './dynalite';

/**
 * What a cycle leaves in a table, minus timestamps: seen stories, recent relevant stories, and alerts with
 * the keys of their sources. Scans, which only tests may do: it compares whole tables.
 */
export async function storedState(table: TestTable) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new ScanCommand({ TableName: table.tableName, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const keys = (type: string) =>
    items
      .filter((i) => i.type === type)
      .map((i) => `${i.pk}|${i.sk}`)
      .sort();
  const alerts = items
    .filter((i) => i.type === 'alert')
    .map(
      (i) =>
        `${i.pk} ${i.kind} [${Object.keys((i.sources as Record<string, unknown>) ?? {})
          .sort()
          .join(', ')}]`,
    )
    .sort();
  return { seen: keys('story'), recent: keys('recent'), alerts, items };
}

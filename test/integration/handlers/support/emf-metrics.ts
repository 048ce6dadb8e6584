/** Metric values by name, summed over every EMF document an invocation printed. */
export type MetricTotals = Record<string, number>;

interface EmfDocument {
  _aws: { CloudWatchMetrics: { Metrics: { Name: string }[] }[] };
  [name: string]: unknown;
}

function isEmf(value: unknown): value is EmfDocument {
  return typeof value === 'object' && value !== null && '_aws' in value;
}

/** Reads the CloudWatch embedded metric format documents among printed lines; other lines are ignored. */
export function totalsOfEmf(lines: string[]): MetricTotals {
  const totals: MetricTotals = {};
  for (const line of lines) {
    let document: unknown;
    try {
      document = JSON.parse(line);
    } catch {
      continue;
    }
    if (!isEmf(document)) continue;
    for (const directive of document._aws.CloudWatchMetrics) {
      for (const { Name } of directive.Metrics) {
        const value = document[Name];
        const values = Array.isArray(value) ? value : [value];
        totals[Name] = (totals[Name] ?? 0) + values.reduce((sum: number, v) => sum + Number(v), 0);
      }
    }
  }
  return totals;
}

/**
 * Runs an invocation while holding back what it prints to stdout, where Powertools Metrics writes its EMF
 * documents (CloudWatch reads them from the log stream), and returns the metric totals with the result.
 */
export async function withPrintedMetrics<T>(
  run: () => Promise<T>,
): Promise<{ result: T; metrics: MetricTotals }> {
  const printed: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    printed.push(...String(chunk).split('\n'));
    return true;
  }) as typeof process.stdout.write;
  try {
    const result = await run();
    return { result, metrics: totalsOfEmf(printed) };
  } finally {
    process.stdout.write = write;
  }
}

import { chunks, writeChunked } from './chunked-writer';
import type { ReportData } from './report-data';

/** Writes the JSON report: run facts, stats, then every result summary (with failed assertions). */
export async function writeJsonReport(path: string, data: ReportData): Promise<void> {
  await writeChunked(path, jsonPieces(data));
}

function* jsonPieces(data: ReportData): Generator<string> {
  const head = { format: 'salvo-run-report', version: 1, runId: data.runId, collection: data.collectionName, config: data.configName, startedAt: new Date(data.startedAt).toISOString(), state: data.state, stages: data.stageNames, stats: data.stats };
  const headText = JSON.stringify(head, null, 2);
  // Reopen the object to append the (potentially huge) results array chunk by chunk.
  yield `${headText.slice(0, -2)},\n  "results": [`;
  let first = true;
  yield* chunks(data.results, (slice) => {
    const text = slice
      .map((r) => {
        const failed = data.failedAssertions.get(r.seq);
        return JSON.stringify(failed === undefined ? r : { ...r, failedAssertions: failed });
      })
      .join(',\n    ');
    const out = `${first ? '\n    ' : ',\n    '}${text}`;
    first = false;
    return out;
  });
  yield `\n  ]\n}\n`;
}

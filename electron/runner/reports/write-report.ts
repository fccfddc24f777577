import { assertNever } from '../../../shared/model/errors';
import type { ReportFormat } from '../../../shared/ipc/runs';
import { writeHtmlReport } from './html-report';
import { writeJsonReport } from './json-report';
import { writeJunitReport } from './junit-report';
import type { ReportData } from './report-data';

/** Writes one report in the given format. */
export function writeReport(format: ReportFormat, path: string, data: ReportData): Promise<void> {
  switch (format) {
    case 'json':
      return writeJsonReport(path, data);
    case 'junit':
      return writeJunitReport(path, data);
    case 'html':
      return writeHtmlReport(path, data);
    default:
      return assertNever(format);
  }
}

/** Conventional file name of a report. */
export function reportFileName(format: ReportFormat): string {
  switch (format) {
    case 'json':
      return 'report.json';
    case 'junit':
      return 'junit.xml';
    case 'html':
      return 'report.html';
    default:
      return assertNever(format);
  }
}

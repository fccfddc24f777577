/** Public surface of the batch-run feature. */
export { BatchRunPanel } from './BatchRunPanel';
export { RunDialog } from './RunDialog';
export { bindRunEvents } from './bind-run-events';
export { provideBatchRunApi } from './use-api';

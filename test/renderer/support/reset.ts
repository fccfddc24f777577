import { setApiClient } from '../../../renderer/api/client';
import { resetCollectionsStore } from '../../../renderer/state/collections-store';
import { resetDialogStore } from '../../../renderer/state/dialog-store';
import { resetEnvironmentsStore } from '../../../renderer/state/environments-store';
import { resetHistoryStore } from '../../../renderer/state/history-store';
import { resetResponsesStore } from '../../../renderer/state/responses-store';
import { resetSettingsStore } from '../../../renderer/state/settings-store';
import { resetTabsStore } from '../../../renderer/state/tabs-store';
import { useNoticesStore } from '../../../renderer/state/notices-store';

/** Resets every renderer store and the api client between test cases. */
export function resetAll(): void {
  resetCollectionsStore();
  resetDialogStore();
  resetEnvironmentsStore();
  resetHistoryStore();
  resetResponsesStore();
  resetSettingsStore();
  resetTabsStore();
  useNoticesStore.setState({ notices: [] });
  setApiClient(undefined);
}

import { useEffect, useState } from 'react';
import type { SalvoApi } from '../../../shared/ipc/contract';
import { ensureSalvoApi } from '../../bridge/ensure-api';

let resolved: SalvoApi | undefined;

/** The SalvoApi once it is connected (undefined until then); shared by the batch-run components. */
export function useSalvoApi(): SalvoApi | undefined {
  const [api, setApi] = useState<SalvoApi | undefined>(resolved);
  useEffect(() => {
    if (api !== undefined) return;
    let live = true;
    ensureSalvoApi().then(
      (value) => {
        resolved = value;
        if (live) setApi(value);
      },
      (err: unknown) => console.error(err),
    );
    return () => {
      live = false;
    };
  }, [api]);
  return api;
}

/** Lets tests (and hosts that built the api themselves) provide it directly. */
export function provideBatchRunApi(api: SalvoApi | undefined): void {
  resolved = api;
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient, setApiClient } from './api/client';
import { bindEvents } from './app/bind-events';
import { persistSettings } from './app/persist-settings';
import { restoreSession } from './app/startup';
import { App } from './app/App';
import { ensureSalvoApi } from './bridge/ensure-api';
import { bindRunEvents, provideBatchRunApi } from './features/batch-run';
import './app/styles.css';

function showFatal(root: HTMLElement, message: string): void {
  // Plain text only: the message may echo a URL.
  const box = document.createElement('div');
  box.className = 'fatal';
  box.setAttribute('role', 'alert');
  box.textContent = message;
  root.replaceChildren(box);
}

async function start(): Promise<void> {
  const rootEl = document.getElementById('root');
  if (rootEl === null) return;
  let salvo;
  try {
    salvo = await ensureSalvoApi();
  } catch (err) {
    showFatal(rootEl, err instanceof Error ? err.message : String(err));
    return;
  }
  const client = createApiClient(salvo);
  setApiClient(client);
  provideBatchRunApi(salvo);
  // Events bind once, outside React, before anything can trigger them.
  bindEvents(client);
  bindRunEvents(salvo);
  createRoot(rootEl).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  await restoreSession(client);
  persistSettings(client);
}

void start();

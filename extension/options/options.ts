/**
 * The extension's options page: whether it is paired with Cuttings (and forgetting the
 * pairing), the port Cuttings listens on when it is not one of the usual ones, and the clips
 * waiting for the app. It asks the service worker for everything (shared/messages.ts).
 */
import { ask, type ExtensionStatus } from '../shared/messages';
import { byId, showLine } from '../ui/page-parts';
import { queueLine, renderQueue } from '../ui/queue-view';

const state = byId('connection-state', HTMLElement);
const forget = byId('forget-button', HTMLButtonElement);
const port = byId('port', HTMLInputElement);
const portError = byId('port-error', HTMLElement);
const queueState = byId('queue-state', HTMLElement);
const queueList = byId('queue-list', HTMLUListElement);

function show(status: ExtensionStatus): void {
  state.textContent = status.paired
    ? `Connected to Cuttings${status.port ? ` on port ${status.port}` : ''}.`
    : status.pairing
      ? 'Waiting for you to allow this browser in the Cuttings window.'
      : 'Not connected: open the extension’s popup and choose Connect to Cuttings.';
  forget.disabled = !status.paired;
  if (document.activeElement !== port) port.value = status.port ? String(status.port) : '';
  queueState.textContent = queueLine(status);
  renderQueue(queueList, status, (id, action) => void ask({ type: 'decide-queued', id, action }).then(show));
}

byId('port-form', HTMLFormElement).addEventListener('submit', (event) => {
  event.preventDefault();
  const text = port.value.trim();
  const value = text === '' ? null : Number(text);
  if (value !== null && !(Number.isInteger(value) && value >= 1 && value <= 65535)) {
    showLine(portError, `The port must be a whole number from 1 to 65535, not “${text}”.`);
    return;
  }
  showLine(portError, '');
  void ask({ type: 'set-port', port: value }).then(show);
});
forget.addEventListener('click', () => void ask({ type: 'forget-pairing' }).then(show));
byId('queue-send', HTMLButtonElement).addEventListener('click', () => void ask({ type: 'flush' }).then(show));

void ask({ type: 'status' }).then(show);

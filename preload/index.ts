/**
 * The bridge: exposes `window.cuttings`, one function per channel of the contract, and
 * nothing else — never ipcRenderer itself. Runs sandboxed, so it may only use electron's
 * contextBridge and ipcRenderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { APP_EVENT_TYPES, CHANNELS, EVENT_CHANNELS, type ApiArgs, type ApiMethod, type AppEvent, type CuttingsApi, type CuttingsBridge } from '../common/api';

function invoke<M extends ApiMethod>(method: M) {
  return (...args: ApiArgs<M>) => ipcRenderer.invoke(CHANNELS[method], ...args) as ReturnType<CuttingsApi[M]>;
}

const api = {
  libraryInfo: invoke('libraryInfo'),
  getArticle: invoke('getArticle'),
  addText: invoke('addText'),
  addHtml: invoke('addHtml'),
  search: invoke('search'),
  updateTags: invoke('updateTags'),
  listTags: invoke('listTags'),
  listSavedSearches: invoke('listSavedSearches'),
  saveSearch: invoke('saveSearch'),
  deleteSavedSearch: invoke('deleteSavedSearch'),
  addUrl: invoke('addUrl'),
  addFile: invoke('addFile'),
  recapture: invoke('recapture'),
  browserClipping: invoke('browserClipping'),
  setBrowserClipping: invoke('setBrowserClipping'),
  getSettings: invoke('getSettings'),
  updateSettings: invoke('updateSettings'),
  switchLibrary: invoke('switchLibrary'),
  chooseLibraryFolder: invoke('chooseLibraryFolder'),
  exportArticles: invoke('exportArticles'),
  cancelExport: invoke('cancelExport'),
  chooseExportPath: invoke('chooseExportPath'),
  importDroppedFile: invoke('importDroppedFile'),
  addTextChecked: invoke('addTextChecked'),
  renameTag: invoke('renameTag'),
  deleteTag: invoke('deleteTag'),
  undoTagChange: invoke('undoTagChange'),
  setTagColour: invoke('setTagColour'),
  bulkTag: invoke('bulkTag'),
  listRules: invoke('listRules'),
  addRule: invoke('addRule'),
  removeRule: invoke('removeRule'),
  applyRules: invoke('applyRules'),
  timeline: invoke('timeline'),
  setNote: invoke('setNote'),
  addHighlight: invoke('addHighlight'),
  updateHighlight: invoke('updateHighlight'),
  removeHighlight: invoke('removeHighlight'),
  suggestTags: invoke('suggestTags'),
  answerBrowserPairing: invoke('answerBrowserPairing'),
  revokeBrowserPairing: invoke('revokeBrowserPairing'),
  addScan: invoke('addScan'),
  cancelScans: invoke('cancelScans'),
  ocrLanguages: invoke('ocrLanguages'),
  getScan: invoke('getScan'),
  correctScanText: invoke('correctScanText'),
  evidenceStatus: invoke('evidenceStatus'),
  chooseTsa: invoke('chooseTsa'),
  trustTsaRoot: invoke('trustTsaRoot'),
  timestampNow: invoke('timestampNow'),
  writeEvidenceReport: invoke('writeEvidenceReport'),
  chooseEvidencePath: invoke('chooseEvidencePath'),
  deleteArticle: invoke('deleteArticle'),
  editDetails: invoke('editDetails'),
  // Main's events reach the page as plain data: the listener never sees the IPC event (which
  // would carry the sender and ports), and anything that is not an AppEvent is dropped.
  onAppEvent: (listener: (event: AppEvent) => void) => {
    const forward = (_event: unknown, data: unknown) => {
      if (isAppEvent(data)) listener(data);
    };
    ipcRenderer.on(EVENT_CHANNELS.appEvent, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNELS.appEvent, forward);
    };
  },
} satisfies CuttingsApi & CuttingsBridge;

/** Whether main's message has the shape of an AppEvent. */
function isAppEvent(data: unknown): data is AppEvent {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  return (APP_EVENT_TYPES as readonly unknown[]).includes(type);
}

contextBridge.exposeInMainWorld('cuttings', api);

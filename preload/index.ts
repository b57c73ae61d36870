/**
 * The bridge: exposes `window.cuttings`, one function per channel of the contract, and
 * nothing else — never ipcRenderer itself. Runs sandboxed, so it may only use electron's
 * contextBridge and ipcRenderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type ApiArgs, type ApiMethod, type CuttingsApi } from '../common/api';

function invoke<M extends ApiMethod>(method: M) {
  return (...args: ApiArgs<M>) => ipcRenderer.invoke(CHANNELS[method], ...args) as ReturnType<CuttingsApi[M]>;
}

const api = {
  libraryInfo: invoke('libraryInfo'),
  listArticles: invoke('listArticles'),
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
} satisfies CuttingsApi;

contextBridge.exposeInMainWorld('cuttings', api);

/**
 * The extension's storage as the background modules see it: a few named values. The service
 * worker gives them chrome.storage.local, which outlives the worker, a restart of the browser
 * and an update of the extension; tests give them a Map.
 */

/** Named JSON values. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/** chrome.storage.local as a KeyValueStore. */
export function browserStore(area: chrome.storage.StorageArea = chrome.storage.local): KeyValueStore {
  return {
    get: async <T>(key: string) => (await area.get(key))[key] as T | undefined,
    set: (key, value) => area.set({ [key]: value }),
    remove: (key) => area.remove(key),
  };
}

/** A store in memory (tests). */
export function memoryStore(): KeyValueStore & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    get: async <T>(key: string) => structuredClone(values.get(key)) as T | undefined,
    set: async (key, value) => void values.set(key, structuredClone(value)),
    remove: async (key) => void values.delete(key),
  };
}

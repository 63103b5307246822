import { promisifyRequest } from 'idb-keyval';

/**
 * An in-memory IndexedDB dies with the background, and Firefox unloads an idle background after 30 s. Its image
 * (every database, store, index and record) is therefore kept in `storage.session` (memory, structured clone,
 * gone when the browser closes) after each committed write, and restored when the next background starts.
 */

interface IndexImage {
  name: string;
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}

interface StoreImage {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: IndexImage[];
  keys: IDBValidKey[];
  values: unknown[];
}

export interface DatabaseImage {
  name: string;
  version: number;
  stores: StoreImage[];
}

export async function takeImage(factory: IDBFactory): Promise<DatabaseImage[]> {
  const images: DatabaseImage[] = [];
  for (const { name } of await factory.databases()) {
    if (!name) continue;
    const db = await promisifyRequest(factory.open(name));
    try {
      const names = [...db.objectStoreNames];
      const tx = names.length > 0 ? db.transaction(names, 'readonly') : undefined;
      const stores = await Promise.all(
        names.map(async (storeName): Promise<StoreImage> => {
          const store = tx!.objectStore(storeName);
          const indexes = [...store.indexNames].map((indexName) => {
            const index = store.index(indexName);
            return { name: indexName, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
          });
          const [keys, values] = await Promise.all([
            promisifyRequest(store.getAllKeys()),
            promisifyRequest(store.getAll()),
          ]);
          return { name: storeName, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, keys, values };
        }),
      );
      images.push({ name, version: db.version, stores });
    } finally {
      db.close();
    }
  }
  return images;
}

export async function restoreImage(factory: IDBFactory, images: DatabaseImage[]): Promise<void> {
  for (const image of images) {
    const request = factory.open(image.name, image.version);
    request.onupgradeneeded = () => {
      for (const s of image.stores) {
        const store = request.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
        for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
        s.values.forEach((value, at) => (s.keyPath === null ? store.put(value, s.keys[at]) : store.put(value)));
      }
    };
    (await promisifyRequest(request)).close();
  }
}

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const IMAGE_KEY = 'inMemoryIndexedDb';

export async function readSessionImage(area: SessionArea): Promise<DatabaseImage[]> {
  const image = (await area.get(IMAGE_KEY))[IMAGE_KEY];
  return Array.isArray(image) ? (image as DatabaseImage[]) : [];
}

/**
 * Saves the image after every committed readwrite transaction on a connection opened through `factory`: one save
 * at a time, and writes made during a save are covered by one more.
 */
export function keepImageInSession(factory: IDBFactory, area: SessionArea): void {
  let saving: Promise<void> | undefined;
  let again = false;
  const save = () => {
    if (saving) {
      again = true;
      return;
    }
    saving = (async () => {
      do {
        again = false;
        await area.set({ [IMAGE_KEY]: await takeImage(factory) });
      } while (again);
    })()
      .catch((error: unknown) => console.error('Could not keep the in-memory IndexedDB for this session:', error))
      .finally(() => (saving = undefined));
  };
  const open = factory.open.bind(factory);
  factory.open = (...args) => {
    const request = open(...args);
    // Runs before the opener's own success handler, so every transaction it starts is watched.
    request.addEventListener('success', () => {
      const db = request.result;
      const transaction = db.transaction.bind(db);
      db.transaction = (...txArgs) => {
        const tx = transaction(...txArgs);
        if (tx.mode === 'readwrite') tx.addEventListener('complete', save);
        return tx;
      };
    });
    return request;
  };
}

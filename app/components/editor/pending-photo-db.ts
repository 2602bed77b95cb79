/** A photo taken on this device and not yet confirmed uploaded. */
export interface PendingPhoto {
  /** The upload id written into the image block (`upload` attribute). */
  id: string;
  sessionId: string;
  blob: Blob;
  createdAt: number;
}

const DB_NAME = "talknotes-photos";
const STORE = "pending";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE, { keyPath: "id" });
      store.createIndex("sessionId", "sessionId");
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB unavailable"));
  });
}

function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = fn(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(request.result);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          reject(tx.error ?? new Error("IndexedDB transaction failed"));
        };
      }),
  );
}

/**
 * Photos waiting to be uploaded, kept in one IndexedDB database of their own
 * (the Yjs copy is per session and holds only the block, never the file):
 * a photo survives a reload or a closed tab until the server has it.
 */
export const pendingPhotoDb = {
  put: (photo: PendingPhoto) => run("readwrite", (s) => s.put(photo)).then(() => undefined),
  delete: (id: string) => run("readwrite", (s) => s.delete(id)).then(() => undefined),
  forSession: (sessionId: string) => run<PendingPhoto[]>("readonly", (s) => s.index("sessionId").getAll(sessionId)),
};

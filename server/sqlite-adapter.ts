// better-sqlite3 has one connection. Prisma's adapter serializes transactions, but a query issued
// outside a transaction while one is open runs INSIDE it (and is lost if it rolls back). This wrapper
// puts every top-level query behind the same lock as transactions, so nothing interleaves.
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

function createLock() {
  let tail: Promise<void> = Promise.resolve();
  return function acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = tail.then(() => release);
    tail = tail.then(() => held);
    return ready;
  };
}

function serialize(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const acquire = createLock();
  const locked =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const release = await acquire();
      try {
        return await fn(...args);
      } finally {
        release();
      }
    };
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: locked((q: SqlQuery) => adapter.queryRaw(q)),
    executeRaw: locked((q: SqlQuery) => adapter.executeRaw(q)),
    executeScript: locked((s: string) => adapter.executeScript(s)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    async startTransaction(isolationLevel) {
      const release = await acquire();
      let tx: Transaction;
      try {
        tx = await adapter.startTransaction(isolationLevel);
      } catch (error) {
        release();
        throw error;
      }
      let released = false;
      const done = () => {
        if (released) return;
        released = true;
        release();
      };
      return {
        provider: tx.provider,
        adapterName: tx.adapterName,
        options: tx.options,
        queryRaw: (q) => tx.queryRaw(q),
        executeRaw: (q) => tx.executeRaw(q),
        commit: () => tx.commit().finally(done),
        rollback: () => tx.rollback().finally(done),
      };
    },
  };
}

export function serializedAdapterFactory(inner: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => serialize(await inner.connect()),
    connectToShadowDb: async () => serialize(await inner.connectToShadowDb()),
  };
}

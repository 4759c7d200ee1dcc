import GRDB

/// The store's schema, as migrations from the first version on. Never edit a migration
/// that has shipped: add a new one (issue 5 adds detection results and flags, issue 7 run
/// metrics, each as its own migration).
enum StoreSchema {
  static var migrator: DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("v1: ledger, records, aggregates, counts, runs") { db in
      try db.execute(
        sql: """
          CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            startedAt TEXT NOT NULL,
            finishedAt TEXT,
            runDate TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed', 'interrupted')),
            summary TEXT
          );
          CREATE TABLE categories (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            name TEXT NOT NULL,
            UNIQUE (source, name)
          );
          CREATE TABLE exports (
            id INTEGER PRIMARY KEY,
            contentHash TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            originalName TEXT NOT NULL,
            receivedAt TEXT NOT NULL,
            runId INTEGER REFERENCES runs(id),
            status TEXT NOT NULL CHECK (status IN ('applied', 'quarantined')),
            bytes INTEGER NOT NULL,
            rowsTotal INTEGER NOT NULL DEFAULT 0,
            rowsOk INTEGER NOT NULL DEFAULT 0,
            rowsRejected INTEGER NOT NULL DEFAULT 0,
            rowsUnknownArea INTEGER NOT NULL DEFAULT 0,
            rowsUnmapped INTEGER NOT NULL DEFAULT 0,
            recordsNew INTEGER NOT NULL DEFAULT 0,
            recordsReplaced INTEGER NOT NULL DEFAULT 0,
            recordsUnchanged INTEGER NOT NULL DEFAULT 0,
            periodFirst TEXT,
            periodLast TEXT,
            reason TEXT,
            archivePath TEXT
          );
          CREATE INDEX exports_source ON exports(source, id);
          CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY,
            exportId INTEGER NOT NULL REFERENCES exports(id),
            runId INTEGER REFERENCES runs(id),
            originalName TEXT NOT NULL,
            receivedAt TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'quarantined', 'duplicate'))
          );
          CREATE TABLE records (
            source TEXT NOT NULL,
            keyHash BLOB NOT NULL CHECK (length(keyHash) = 32),
            categoryId INTEGER NOT NULL REFERENCES categories(id),
            area TEXT NOT NULL,
            day INTEGER NOT NULL,
            week INTEGER NOT NULL,
            exportId INTEGER NOT NULL REFERENCES exports(id),
            PRIMARY KEY (source, keyHash)
          ) WITHOUT ROWID;
          CREATE TABLE aggregates (
            categoryId INTEGER NOT NULL REFERENCES categories(id),
            periodKind TEXT NOT NULL,
            period INTEGER NOT NULL,
            area TEXT NOT NULL,
            count INTEGER NOT NULL CHECK (count >= 0),
            exportId INTEGER NOT NULL REFERENCES exports(id),
            PRIMARY KEY (categoryId, periodKind, period, area)
          ) WITHOUT ROWID;
          CREATE TABLE counts (
            categoryId INTEGER NOT NULL REFERENCES categories(id),
            periodKind TEXT NOT NULL,
            area TEXT NOT NULL,
            period INTEGER NOT NULL,
            count INTEGER NOT NULL CHECK (count >= 0),
            PRIMARY KEY (categoryId, periodKind, area, period)
          ) WITHOUT ROWID;
          CREATE TABLE unknownAreas (
            source TEXT NOT NULL,
            label TEXT NOT NULL,
            rows INTEGER NOT NULL,
            lastExportId INTEGER NOT NULL REFERENCES exports(id),
            PRIMARY KEY (source, label)
          ) WITHOUT ROWID;
          """)
    }
    registerFlags(&m)
    return m
  }
}

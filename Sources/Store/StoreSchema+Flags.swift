import GRDB

extension StoreSchema {
  /// Issue 5 (flags): detector results per indicator, area and period; the flags (their
  /// current state); their events and analysts' reviews, both append-only — triggers refuse
  /// any UPDATE or DELETE, so the audit trail cannot be rewritten, not even by mistake.
  static func registerFlags(_ m: inout DatabaseMigrator) {
    m.registerMigration("v2: detection results and flags") { db in
      try db.execute(
        sql: """
          CREATE TABLE detectionResults (
            indicator TEXT NOT NULL,
            area TEXT NOT NULL,
            periodKind TEXT NOT NULL CHECK (periodKind IN ('week', 'month', 'quarter', 'year')),
            period INTEGER NOT NULL,
            observed INTEGER NOT NULL CHECK (observed >= 0),
            expected REAL,
            upperbound REAL,
            pvalue REAL,
            alarm INTEGER NOT NULL CHECK (alarm IN (0, 1)),
            reason TEXT,
            spike INTEGER NOT NULL CHECK (spike IN (0, 1)),
            scanPValue REAL,
            trendPValue REAL,
            slopePerYear REAL,
            levelIndex REAL,
            elevated INTEGER NOT NULL CHECK (elevated IN (0, 1)),
            PRIMARY KEY (indicator, area, periodKind, period)
          ) WITHOUT ROWID;
          CREATE TABLE flags (
            id TEXT PRIMARY KEY,
            family TEXT NOT NULL CHECK (family IN ('acute', 'level', 'cluster')),
            area TEXT NOT NULL,
            areaLevel TEXT NOT NULL,
            theme TEXT NOT NULL,
            kind TEXT NOT NULL
              CHECK (kind IN ('spike', 'rising', 'elevated', 'convergent', 'cluster')),
            kinds TEXT NOT NULL,
            firstSeen TEXT NOT NULL,
            lastSeen TEXT NOT NULL,
            resolved TEXT,
            severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 100),
            band INTEGER NOT NULL CHECK (band BETWEEN 1 AND 3),
            peakSeverity INTEGER NOT NULL,
            explanation TEXT NOT NULL,
            weeks TEXT NOT NULL,
            firstRunId INTEGER REFERENCES runs(id),
            lastRunId INTEGER REFERENCES runs(id)
          );
          CREATE INDEX flags_area ON flags(area, theme);
          CREATE TABLE flagEvents (
            id INTEGER PRIMARY KEY,
            flagId TEXT NOT NULL REFERENCES flags(id),
            runId INTEGER REFERENCES runs(id),
            type TEXT NOT NULL CHECK (type IN ('opened', 'escalated', 'deescalated', 'resolved')),
            week TEXT NOT NULL,
            severity INTEGER NOT NULL,
            band INTEGER NOT NULL CHECK (band BETWEEN 1 AND 3),
            kind TEXT NOT NULL,
            revised INTEGER NOT NULL DEFAULT 0 CHECK (revised IN (0, 1)),
            recordedAt TEXT NOT NULL
          );
          CREATE INDEX flagEvents_flag ON flagEvents(flagId, id);
          CREATE TABLE flagReviews (
            id INTEGER PRIMARY KEY,
            flagId TEXT NOT NULL REFERENCES flags(id),
            action TEXT NOT NULL CHECK (action IN ('acknowledged', 'dismissed')),
            note TEXT NOT NULL CHECK (length(note) > 0),
            author TEXT NOT NULL CHECK (length(author) > 0),
            recordedAt TEXT NOT NULL
          );
          CREATE INDEX flagReviews_flag ON flagReviews(flagId, id);
          CREATE TRIGGER flagEvents_append_only_update BEFORE UPDATE ON flagEvents
            BEGIN SELECT RAISE(ABORT, 'flag events are append-only'); END;
          CREATE TRIGGER flagEvents_append_only_delete BEFORE DELETE ON flagEvents
            BEGIN SELECT RAISE(ABORT, 'flag events are append-only'); END;
          CREATE TRIGGER flagReviews_append_only_update BEFORE UPDATE ON flagReviews
            BEGIN SELECT RAISE(ABORT, 'flag reviews are append-only'); END;
          CREATE TRIGGER flagReviews_append_only_delete BEFORE DELETE ON flagReviews
            BEGIN SELECT RAISE(ABORT, 'flag reviews are append-only'); END;
          CREATE TABLE flagRuns (
            runId INTEGER PRIMARY KEY REFERENCES runs(id),
            fromWeek TEXT NOT NULL,
            throughWeek TEXT NOT NULL,
            summary TEXT NOT NULL
          );
          """)
    }
  }
}

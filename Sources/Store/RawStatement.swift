import GRDB
import GRDBSQLite

/// A GRDB statement driven through the SQLite C API in hot loops (one call per record):
/// binds and steps without GRDB's per-call argument boxing. Only used inside a GRDB write
/// block, on statements GRDB prepared; always left reset.
struct RawStatement {
  private let handle: OpaquePointer
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  init(_ statement: Statement) {
    handle = statement.sqliteStatement
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
  }

  func bind(_ index: Int32, _ value: Int64) {
    sqlite3_bind_int64(handle, index, value)
  }

  func bind(_ index: Int32, _ value: Int) { bind(index, Int64(value)) }

  func bind(_ index: Int32, text: String) {
    sqlite3_bind_text(handle, index, text, -1, RawStatement.transient)
  }

  func bind(_ index: Int32, blob: UnsafeRawBufferPointer) {
    sqlite3_bind_blob(handle, index, blob.baseAddress, Int32(blob.count), RawStatement.transient)
  }

  /// Steps once: true when a row is there to read. Throws on SQLite errors (constraint
  /// violations included).
  func step() throws -> Bool {
    let code = sqlite3_step(handle)
    switch code {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default:
      let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
      sqlite3_reset(handle)
      throw StoreError.inconsistent("SQLite error \(code): \(message)")
    }
  }

  /// Runs a statement that returns no rows, then resets it for the next bindings.
  func run() throws {
    _ = try step()
    sqlite3_reset(handle)
  }

  func reset() { sqlite3_reset(handle) }

  func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

  func text(_ column: Int32) -> String {
    guard let p = sqlite3_column_text(handle, column) else { return "" }
    return String(cString: p)
  }

  /// Rows changed by the last run.
  var changes: Int32 { sqlite3_changes(sqlite3_db_handle(handle)) }
}

import Flagging
import Foundation
import SafetyCore
import Store

/// The only thing the desk writes: an analyst's acknowledgement or dismissal of a flag,
/// appended to the flag's review history through the flags store API (the store's triggers
/// refuse any change to what was recorded before).
public protocol AcknowledgementWriter: Sendable {
  func review(flagID: String, action: FlagReview, note: String, author: String, at: String)
    throws -> FlagReviewEntry
}

/// Writes reviews into the pipeline's store, opened for writing on the first review (so a
/// desk whose store is read-only to it still serves every page).
public final class StoreAcknowledgementWriter: AcknowledgementWriter, @unchecked Sendable {
  let path: String
  private let lock = NSLock()
  private var store: SafetyStore?

  public init(storePath: String) { path = storePath }

  public func review(flagID: String, action: FlagReview, note: String, author: String, at: String)
    throws -> FlagReviewEntry
  {
    try lock.withLock {
      let store = try self.store ?? SafetyStore(path: path)
      self.store = store
      return try store.review(
        flagID: flagID, action: action, note: note, author: author, at: at)
    }
  }
}

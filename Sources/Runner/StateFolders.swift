import Crypto
import Foundation

/// The inbox, archive and quarantine folders of a pipeline, and the file moves between
/// them. Files are moved, never deleted — except an inbox copy whose bytes (same SHA-256)
/// are already kept in the archive or quarantine.
public struct StateFolders: Sendable {
  public let state: String
  public let inbox: String
  public let archive: String
  public let quarantine: String

  public init(state: String, inbox: String, archive: String, quarantine: String) {
    self.state = state
    self.inbox = inbox
    self.archive = archive
    self.quarantine = quarantine
  }

  /// Creates the folders. New archive and quarantine folders get mode 0700: they keep the
  /// exports as delivered, personal columns included.
  public func create() throws {
    let fm = FileManager.default
    for dir in [state, inbox, archive, quarantine] where !fm.fileExists(atPath: dir) {
      let restricted = dir == archive || dir == quarantine || dir == state
      try fm.createDirectory(
        atPath: dir, withIntermediateDirectories: true,
        attributes: restricted ? [.posixPermissions: 0o700] : nil)
    }
  }

  /// The files waiting in the inbox, by name. Hidden files and files still being written
  /// (`*.part`, `*.tmp`, `*.partial`) are left alone.
  public func inboxFiles() throws -> [String] {
    let names = try FileManager.default.contentsOfDirectory(atPath: inbox)
    return names.filter { name in
      guard !name.hasPrefix("."),
        !name.hasSuffix(".part") && !name.hasSuffix(".tmp") && !name.hasSuffix(".partial")
      else { return false }
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(
        atPath: inbox + "/" + name, isDirectory: &isDirectory)
      return exists && !isDirectory.boolValue
    }.sorted()
  }

  /// Where an applied export is archived, relative to the state folder:
  /// `archive/<source>/<sha256>.<ext>` (content-addressed).
  public func archivePath(source: String, hash: String, originalName: String) -> String {
    let ext = URL(fileURLWithPath: originalName).pathExtension
    let base = relative(archive)
    return "\(base)/\(source)/\(hash)" + (ext.isEmpty ? "" : ".\(ext.lowercased())")
  }

  /// Where a quarantined export goes, relative to the state folder: its own name, with the
  /// start of its hash added when that name is taken.
  public func quarantinePath(originalName: String, hash: String) -> String {
    let base = relative(quarantine)
    let plain = "\(base)/\(originalName)"
    if !FileManager.default.fileExists(atPath: absolute(plain)) { return plain }
    if (try? StateFolders.sha256(ofFile: absolute(plain))) == hash { return plain }
    let url = URL(fileURLWithPath: originalName)
    let stem = url.deletingPathExtension().lastPathComponent
    let ext = url.pathExtension
    return "\(base)/\(stem).\(hash.prefix(12))" + (ext.isEmpty ? "" : ".\(ext)")
  }

  public func absolute(_ relativePath: String) -> String {
    relativePath.hasPrefix("/") ? relativePath : state + "/" + relativePath
  }

  /// `path` relative to the state folder when inside it, else absolute.
  func relative(_ path: String) -> String {
    path.hasPrefix(state + "/") ? String(path.dropFirst(state.count + 1)) : path
  }

  /// Moves an inbox file to `target` (relative to the state folder). When the target holds
  /// the same bytes already, the inbox copy is removed instead. Same-filesystem moves are
  /// one atomic rename; across filesystems the file is copied, synced and renamed first.
  public func move(inboxName: String, to target: String, hash: String) throws {
    let fm = FileManager.default
    let source = inbox + "/" + inboxName
    let destination = absolute(target)
    try fm.createDirectory(
      atPath: URL(fileURLWithPath: destination).deletingLastPathComponent().path,
      withIntermediateDirectories: true)
    if fm.fileExists(atPath: destination) {
      guard try StateFolders.sha256(ofFile: destination) == hash else {
        throw RunnerError.io("\(target) exists with other content; \(inboxName) left in the inbox")
      }
      try fm.removeItem(atPath: source)
      return
    }
    if rename(source, destination) == 0 { return }
    guard errno == EXDEV else {
      throw RunnerError.io(
        "cannot move \(inboxName) to \(target): \(String(cString: strerror(errno)))")
    }
    let temporary = destination + ".incoming"
    try? fm.removeItem(atPath: temporary)
    try fm.copyItem(atPath: source, toPath: temporary)
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: temporary))
    try handle.synchronize()
    try handle.close()
    guard rename(temporary, destination) == 0 else {
      throw RunnerError.io("cannot move \(inboxName) to \(target)")
    }
    try fm.removeItem(atPath: source)
  }

  /// Writes `text` next to a quarantined file as `<file>.reason.txt` (atomically).
  public func writeReason(for target: String, _ text: String) throws {
    try text.write(
      toFile: absolute(target) + ".reason.txt", atomically: true, encoding: .utf8)
  }

  /// SHA-256 of a file's bytes, lower-case hex, read in 1 MiB chunks.
  public static func sha256(ofFile path: String) throws -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw RunnerError.io("cannot read \(path)")
    }
    defer { try? handle.close() }
    var hasher = SHA256()
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      hasher.update(data: chunk)
    }
    return hasher.finalize().map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}

/// Failures of the runner itself, by exit-code class.
public enum RunnerError: Error, CustomStringConvertible, Sendable {
  /// The pipeline, registry or state cannot be used (exit 78).
  case configuration(String)
  /// Files or the store cannot be read or written (exit 74).
  case io(String)
  /// Another run holds the lock (exit 75).
  case busy(String)

  public var description: String {
    switch self {
    case .configuration(let m), .io(let m), .busy(let m): m
    }
  }
}

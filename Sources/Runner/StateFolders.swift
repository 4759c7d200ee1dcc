import Crypto
import Foundation
import Operations

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
  public func inboxFiles() throws -> [String] { try inboxEntries().files }

  /// The inbox's regular files by name (as `inboxFiles()`), and the other entries a run
  /// leaves alone and reports: symbolic links (they may point anywhere), pipes, sockets and
  /// devices (reading one could block the run forever). Folders are skipped silently.
  public func inboxEntries() throws -> (files: [String], others: [String]) {
    let names = try FileManager.default.contentsOfDirectory(atPath: inbox).sorted()
    var files: [String] = []
    var others: [String] = []
    for name in names {
      guard !name.hasPrefix("."),
        !name.hasSuffix(".part") && !name.hasSuffix(".tmp") && !name.hasSuffix(".partial")
      else { continue }
      var info = stat()
      guard lstat(inbox + "/" + name, &info) == 0 else { continue }
      switch info.st_mode & S_IFMT {
      case S_IFREG: files.append(name)
      case S_IFDIR: continue
      default: others.append(name)
      }
    }
    return (files, others)
  }

  /// The identity of an inbox file as it lies there now: inode and change time
  /// (nanoseconds). The same file keeps it until it is moved; a file delivered again gets a
  /// new one (the kernel sets the change time; no copy tool can carry it over). The device
  /// number is left out: it may change across reboots, the inbox is one file system.
  public func identity(ofInboxFile name: String) -> String? {
    var info = stat()
    guard lstat(inbox + "/" + name, &info) == 0 else { return nil }
    #if canImport(Darwin)
      let ctime = info.st_ctimespec
    #else
      let ctime = info.st_ctim
    #endif
    return "\(info.st_ino):\(ctime.tv_sec).\(ctime.tv_nsec)"
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
  /// one atomic rename; across filesystems the file is copied to `<target>.incoming`,
  /// synced, renamed into place, and only then removed from the inbox — so a kill at any
  /// point leaves the file whole in the inbox (and maybe a stale `.incoming`, replaced by
  /// the next try) or whole at its target.
  public func move(inboxName: String, to target: String, hash: String) throws {
    let fm = FileManager.default
    let source = inbox + "/" + inboxName
    let destination = absolute(target)
    let folder = URL(fileURLWithPath: destination).deletingLastPathComponent().path
    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
    if fm.fileExists(atPath: destination) {
      guard try StateFolders.sha256(ofFile: destination) == hash else {
        throw RunnerError.io("\(target) exists with other content; \(inboxName) left in the inbox")
      }
      try fm.removeItem(atPath: source)
      CrashPoints.reach("move.inbox-copy-removed")
      return
    }
    if !CrashPoints.simulateCrossDevice {
      if rename(source, destination) == 0 {
        CrashPoints.reach("move.renamed")
        return
      }
      guard errno == EXDEV else {
        throw RunnerError.io(
          "cannot move \(inboxName) to \(target): \(String(cString: strerror(errno)))")
      }
    }
    let temporary = destination + ".incoming"
    try? fm.removeItem(atPath: temporary)
    try fm.copyItem(atPath: source, toPath: temporary)
    CrashPoints.reach("move.copy.copied")
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: temporary))
    try handle.synchronize()
    try handle.close()
    CrashPoints.reach("move.copy.synced")
    guard rename(temporary, destination) == 0 else {
      throw RunnerError.io("cannot move \(inboxName) to \(target)")
    }
    StateFolders.syncFolder(folder)
    CrashPoints.reach("move.copy.renamed")
    try fm.removeItem(atPath: source)
    CrashPoints.reach("move.copy.inbox-removed")
  }

  /// Makes a rename in `folder` durable (best effort: some file systems refuse).
  static func syncFolder(_ folder: String) {
    let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  /// Writes `text` next to a quarantined file as `<file>.reason.txt` (atomically).
  public func writeReason(for target: String, _ text: String) throws {
    let path = absolute(target) + ".reason.txt"
    try FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
      withIntermediateDirectories: true)
    try StateFolders.writeAtomically(Data(text.utf8), to: path)
    CrashPoints.reach("quarantine.reason-written")
  }

  /// Writes `data` to `<path>.incoming`, syncs it and renames it to `path`: readers see the
  /// old file or the new one, never a part; a kill leaves at most the `.incoming` file,
  /// which the next write replaces. `mode` applies to a new file.
  public static func writeAtomically(_ data: Data, to path: String, mode: Int = 0o600) throws {
    let temporary = path + ".incoming"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
    guard fd >= 0 else {
      throw RunnerError.io("cannot write \(temporary): \(String(cString: strerror(errno)))")
    }
    var failed: Int32 = 0
    data.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count, let base = raw.baseAddress {
        let n = write(fd, base + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          failed = errno
          return
        }
        offset += n
      }
    }
    if failed == 0, fsync(fd) != 0 { failed = errno }
    close(fd)
    guard failed == 0, rename(temporary, path) == 0 else {
      let code = failed != 0 ? failed : errno
      unlink(temporary)
      throw RunnerError.io("cannot write \(path): \(String(cString: strerror(code)))")
    }
    syncFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path)
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

  /// The documented exit status for this failure.
  public var exitStatus: ExitStatus {
    switch self {
    case .configuration: .configuration
    case .io: .ioError
    case .busy: .lockBusy
    }
  }
}

import SafetyCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the bytes come from: a file read with `pread` (so several readers can share one
/// descriptor), or memory (tests, small inputs).
final class ByteSource: @unchecked Sendable {
  enum Storage {
    case file(fd: Int32)
    case memory([UInt8])
  }
  let storage: Storage
  let name: String
  /// Total size in bytes.
  let size: Int

  init(path: String) throws(Diagnostic) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw Diagnostic.error(.ioError, "\(path): cannot open file: \(ByteSource.errnoText())")
    }
    var st = stat()
    guard fstat(fd, &st) == 0 else {
      let text = ByteSource.errnoText()
      close(fd)
      throw Diagnostic.error(.ioError, "\(path): cannot read file: \(text)")
    }
    if (st.st_mode & S_IFMT) == S_IFDIR {
      close(fd)
      throw Diagnostic.error(.ioError, "\(path): is a directory, not a CSV file")
    }
    self.storage = .file(fd: fd)
    self.name = path
    self.size = Int(st.st_size)
  }

  init(bytes: [UInt8], name: String) {
    self.storage = .memory(bytes)
    self.name = name
    self.size = bytes.count
  }

  deinit {
    if case .file(let fd) = storage { close(fd) }
  }

  /// Reads up to `count` bytes at `offset` into `into`; returns the number read (0 at the
  /// end). Retries short reads and EINTR.
  func read(into: UnsafeMutableRawPointer, count: Int, at offset: Int) throws(Diagnostic) -> Int {
    switch storage {
    case .memory(let bytes):
      let n = max(0, min(count, bytes.count - offset))
      if n > 0 {
        bytes.withUnsafeBytes { src in
          if let base = src.baseAddress { into.copyMemory(from: base + offset, byteCount: n) }
        }
      }
      return n
    case .file(let fd):
      var done = 0
      while done < count {
        let r = pread(fd, into + done, count - done, off_t(offset + done))
        if r < 0 {
          if errno == EINTR { continue }
          throw Diagnostic.error(.ioError, "\(name): read failed: \(ByteSource.errnoText())")
        }
        if r == 0 { break }
        done += r
      }
      return done
    }
  }

  /// Calls `body` with the bytes of `range` (mapped read-only for files).
  func withBytes<R>(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
    let range = max(0, range.lowerBound)..<min(size, max(range.lowerBound, range.upperBound))
    switch storage {
    case .memory(let bytes):
      return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    case .file(let fd):
      if range.isEmpty { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
      let page = Int(sysconf(Int32(_SC_PAGESIZE)))
      let start = range.lowerBound / page * page
      let length = range.upperBound - start
      guard let map = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, off_t(start)),
        map != MAP_FAILED
      else {
        throw Diagnostic.error(.ioError, "\(name): cannot map file: \(ByteSource.errnoText())")
      }
      defer { munmap(map, length) }
      return try body(
        UnsafeRawBufferPointer(start: map + (range.lowerBound - start), count: range.count))
    }
  }

  static func errnoText() -> String {
    guard let s = strerror(errno) else { return "error \(errno)" }
    return String(cString: s)
  }
}

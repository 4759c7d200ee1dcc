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
    self.name = path
    let size = Int(st.st_size)
    // A UTF-16 export (byte-order mark) is read as its UTF-8 transcoding, from memory.
    var head: [UInt8] = [0, 0, 0, 0]
    let headCount = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 4, 0) }
    if headCount >= 2, let bigEndian = UTF16Transcoding.byteOrder(of: Array(head[..<headCount])) {
      defer { close(fd) }
      guard size <= UTF16Transcoding.maxBytes else {
        throw Diagnostic.error(
          .encodingError,
          "this UTF-16 file is larger than \(UTF16Transcoding.maxBytes >> 20) MiB; save it as UTF-8",
          at: SourcePosition(file: path, line: 1, column: 1))
      }
      var raw = [UInt8](repeating: 0, count: size)
      var done = 0
      while done < size {
        let r = raw.withUnsafeMutableBytes { buffer -> Int in
          guard let base = buffer.baseAddress else { return 0 }
          return pread(fd, base + done, size - done, off_t(done))
        }
        if r < 0 && errno == EINTR { continue }
        guard r > 0 else {
          throw Diagnostic.error(.ioError, "\(path): read failed: \(ByteSource.errnoText())")
        }
        done += r
      }
      let utf8 = try UTF16Transcoding.utf8(fromUTF16: raw, bigEndian: bigEndian, file: path)
      self.storage = .memory(utf8)
      self.size = utf8.count
      return
    }
    self.storage = .file(fd: fd)
    self.size = size
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

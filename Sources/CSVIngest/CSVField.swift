/// One field of a record: a view into the reader's buffer, valid only during the record
/// callback. The bytes are unquoted and unescaped, in the file's encoding, BOM stripped.
public struct CSVField {
  public var bytes: UnsafeRawBufferPointer
  /// The encoding `decoded()` uses (the file's resolved encoding).
  public var encoding: TextEncoding

  public init(bytes: UnsafeRawBufferPointer, encoding: TextEncoding) {
    self.bytes = bytes
    self.encoding = encoding
  }

  public var isEmpty: Bool { bytes.isEmpty }

  /// The field as a `String`, decoded with the file's encoding (Windows-1252 and
  /// ISO-8859-1 map to the right Unicode scalars; UTF-8 was validated while reading).
  public func decoded() -> String { TextDecoding.decode(bytes, encoding) }

  /// True when the field's bytes equal `ascii` exactly (no allocation).
  public func equals(_ ascii: StaticString) -> Bool {
    let n = ascii.utf8CodeUnitCount
    guard n == bytes.count else { return false }
    return ascii.withUTF8Buffer { lhs in
      guard n > 0, let a = lhs.baseAddress, let b = bytes.baseAddress else { return true }
      return memcmp(a, b, n) == 0
    }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

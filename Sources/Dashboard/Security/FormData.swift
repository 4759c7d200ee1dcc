/// A parsed `application/x-www-form-urlencoded` body or query string: the first value of
/// each name (later repeats are ignored, so a field cannot be smuggled in twice).
struct FormData: Sendable {
  private(set) var values: [String: String] = [:]

  init(_ text: some StringProtocol) {
    for pair in text.split(separator: "&") {
      let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = FormData.decode(kv[0])
      if values[key] == nil { values[key] = kv.count > 1 ? FormData.decode(kv[1]) : "" }
    }
  }

  subscript(_ name: String) -> String? { values[name] }

  /// Decodes `+` and `%XX` escapes; invalid escapes are kept as given, invalid UTF-8
  /// becomes U+FFFD.
  static func decode(_ text: some StringProtocol) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var it = Array(text.utf8)[...]
    while let b = it.popFirst() {
      if b == UInt8(ascii: "+") {
        bytes.append(UInt8(ascii: " "))
      } else if b == UInt8(ascii: "%"), it.count >= 2,
        let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16)
      {
        bytes.append(v)
        it = it.dropFirst(2)
      } else {
        bytes.append(b)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

import CLibCSV

/// The context libcsv's callbacks write into: the current record's fields, copied out of
/// libcsv's field buffer into one growing byte buffer with an array of end offsets. The
/// fast path is C (Sources/CLibCSV/shim.h); growing and limits are here.
typealias FieldSink = safetymonitor_sink

extension FieldSink {
  enum Overflow: Int32 {
    case none = 0
    case fieldTooLarge, recordTooWide, recordTooLarge
  }

  init(limits: CSVLimits) {
    self.init()
    // Capacities never exceed the limits, so the fast path needs no limit checks.
    byte_capacity = min(4096, limits.maxRecordBytes)
    bytes = .allocate(capacity: byte_capacity)
    field_capacity = min(64, limits.maxFields)
    ends = .allocate(capacity: field_capacity)
    max_field_bytes = limits.maxFieldBytes
    max_fields = limits.maxFields
    max_record_bytes = limits.maxRecordBytes
    updateFastPath()
  }

  /// The C fast path's bounds (see shim.h): within them no limit can be broken and the
  /// 16-byte-rounded copy stays inside the buffer.
  mutating func updateFastPath() {
    let short = Int(SAFETYMONITOR_SHORT_FIELD)
    if overflow != 0 || byte_capacity < short {
      fast_fields = 0
      fast_bytes = 0
      fast_length = 0
      return
    }
    fast_fields = min(field_capacity, max_fields)
    fast_bytes = byte_capacity - short
    fast_length = min(short, max_field_bytes)
  }

  func deallocate() {
    bytes.deallocate()
    ends.deallocate()
  }

  var overflowKind: Overflow { Overflow(rawValue: overflow) ?? .none }
  var fieldCount: Int { field_count }
  var byteCount: Int { byte_count }
  var isEnded: Bool { ended != 0 }

  mutating func appendSlow(_ field: UnsafeRawPointer?, _ length: Int) {
    defer { updateFastPath() }
    guard overflow == 0 else { return }
    if length > max_field_bytes {
      overflow = Overflow.fieldTooLarge.rawValue
      overflow_field = field_count
      return
    }
    if field_count >= max_fields {
      overflow = Overflow.recordTooWide.rawValue
      overflow_field = field_count
      return
    }
    if byte_count + length > max_record_bytes {
      overflow = Overflow.recordTooLarge.rawValue
      overflow_field = field_count
      return
    }
    if field_count == field_capacity {
      let newCapacity = min(max(field_capacity * 2, 16), max_fields)
      let grown = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
      grown.update(from: ends, count: field_count)
      ends.deallocate()
      ends = grown
      field_capacity = newCapacity
    }
    if byte_count + length + Int(SAFETYMONITOR_SHORT_FIELD) > byte_capacity
      && byte_capacity < max_record_bytes
    {
      var newCapacity = byte_capacity * 2
      while newCapacity < byte_count + length + Int(SAFETYMONITOR_SHORT_FIELD) {
        newCapacity *= 2
      }
      newCapacity = min(newCapacity, max_record_bytes)
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      grown.update(from: bytes, count: byte_count)
      bytes.deallocate()
      bytes = grown
      byte_capacity = newCapacity
    }
    if length > 0, let field {
      (bytes + byte_count).update(from: field.assumingMemoryBound(to: UInt8.self), count: length)
    }
    byte_count += length
    ends[field_count] = byte_count
    field_count += 1
  }

  mutating func reset() {
    byte_count = 0
    field_count = 0
    ended = 0
  }
}

/// The slow path of the C field callback (`safetymonitor_csv_field` in shim.h).
@_cdecl("safetymonitor_csv_field_slow")
func csvFieldSlow(
  _ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?
) {
  guard let context else { return }
  context.assumingMemoryBound(to: FieldSink.self).pointee.appendSlow(
    UnsafeRawPointer(field), length)
}

let csvFieldCallback:
  @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void =
    safetymonitor_csv_field
let csvRecordCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void =
  safetymonitor_csv_record
let csvNoSpace: @convention(c) (UInt8) -> Int32 = safetymonitor_csv_no_space

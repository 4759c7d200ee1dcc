import CLibCSV

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The context libcsv's callbacks write into: the current record's fields back to back in
/// one buffer (libcsv writes them there itself, see Sources/CLibCSV/shim.h) and each
/// field's end offset. The fast path is C; growing the offsets and the limits are here.
typealias FieldSink = safetymonitor_sink

extension FieldSink {
  enum Overflow: Int32 {
    case none = 0
    case fieldTooLarge, recordTooWide, recordTooLarge
  }

  /// A sink for `parser`, which from now on writes its fields into the sink.
  init(limits: CSVLimits, parser: UnsafeMutablePointer<csv_parser>) {
    self.init()
    byte_capacity = min(4096, limits.maxRecordBytes)
    bytes = malloc(byte_capacity)?.assumingMemoryBound(to: UInt8.self)
    field_capacity = min(64, limits.maxFields)
    ends = .allocate(capacity: field_capacity)
    max_field_bytes = limits.maxFieldBytes
    max_fields = limits.maxFields
    max_record_bytes = limits.maxRecordBytes
    self.parser = parser
    parser.pointee.entry_buf = bytes
    parser.pointee.entry_size = byte_capacity
    csv_set_realloc_func(parser, safetymonitor_csv_realloc)
  }

  /// Frees the buffers (and detaches libcsv from them, so `csv_free` leaves them alone).
  func deallocate() {
    parser.pointee.entry_buf = nil
    parser.pointee.entry_size = 0
    free(bytes)
    ends.deallocate()
  }

  var overflowKind: Overflow { Overflow(rawValue: overflow) ?? .none }

  /// Limits, and more room for end offsets. The bytes are already in place.
  mutating func appendSlow(_ length: Int) {
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
    byte_count += length
    ends[field_count] = byte_count
    field_count += 1
    parser.pointee.entry_buf = bytes + byte_count
    parser.pointee.entry_size = byte_capacity - byte_count
  }

  /// After a record was delivered: the next one starts at the buffer's start.
  mutating func reset() {
    byte_count = 0
    field_count = 0
    ended = 0
    parser.pointee.entry_buf = bytes
    parser.pointee.entry_size = byte_capacity
  }
}

/// The slow path of the C field callback (`safetymonitor_csv_field` in shim.h).
@_cdecl("safetymonitor_csv_field_slow")
func csvFieldSlow(
  _ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?
) {
  guard let context else { return }
  context.assumingMemoryBound(to: FieldSink.self).pointee.appendSlow(length)
}

/// The thread's current sink, for libcsv's realloc hook (which has no context argument).
/// Set for the length of a read by `CSVEngine.run` (which restores the previous one, so a
/// read inside another read's callback works).
let currentSinkKey: pthread_key_t = {
  var key = pthread_key_t()
  pthread_key_create(&key, nil)
  return key
}()

@_cdecl("safetymonitor_current_sink")
func currentSink() -> UnsafeMutablePointer<FieldSink>? {
  pthread_getspecific(currentSinkKey)?.assumingMemoryBound(to: FieldSink.self)
}

let csvFieldCallback:
  @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void =
    safetymonitor_csv_field
let csvRecordCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void =
  safetymonitor_csv_record
let csvNoSpace: @convention(c) (UInt8) -> Int32 = safetymonitor_csv_no_space

import CLibCSV

/// The context libcsv's callbacks write into: the current record's fields, copied out of
/// libcsv's field buffer into one growing byte buffer with an array of end offsets.
struct FieldSink {
  enum Overflow: UInt8 { case none, fieldTooLarge, recordTooWide, recordTooLarge }

  var bytes: UnsafeMutablePointer<UInt8>
  var byteCapacity: Int
  var byteCount = 0
  var ends: UnsafeMutablePointer<Int>
  var fieldCapacity: Int
  var fieldCount = 0
  /// Set by the record callback; the engine delivers the record and clears it.
  var ended = false
  var overflow = Overflow.none
  /// The field that overflowed (index).
  var overflowField = 0
  let maxFieldBytes: Int
  let maxFields: Int
  let maxRecordBytes: Int

  init(limits: CSVLimits) {
    // Capacities never exceed the limits, so the fast path needs no limit checks.
    byteCapacity = min(4096, limits.maxRecordBytes)
    bytes = .allocate(capacity: byteCapacity)
    fieldCapacity = min(64, limits.maxFields)
    ends = .allocate(capacity: fieldCapacity)
    maxFieldBytes = limits.maxFieldBytes
    maxFields = limits.maxFields
    maxRecordBytes = limits.maxRecordBytes
  }

  func deallocate() {
    bytes.deallocate()
    ends.deallocate()
  }

  @inline(__always)
  mutating func append(_ field: UnsafeRawPointer?, _ length: Int) {
    if fieldCount < fieldCapacity && byteCount &+ length <= byteCapacity
      && length <= maxFieldBytes && overflow == .none
    {
      if length > 0, let field {
        (bytes + byteCount).update(from: field.assumingMemoryBound(to: UInt8.self), count: length)
      }
      byteCount &+= length
      ends[fieldCount] = byteCount
      fieldCount &+= 1
      return
    }
    appendSlow(field, length)
  }

  @inline(never)
  mutating func appendSlow(_ field: UnsafeRawPointer?, _ length: Int) {
    guard overflow == .none else { return }
    if length > maxFieldBytes {
      overflow = .fieldTooLarge
      overflowField = fieldCount
      return
    }
    if fieldCount >= maxFields {
      overflow = .recordTooWide
      overflowField = fieldCount
      return
    }
    if byteCount + length > maxRecordBytes {
      overflow = .recordTooLarge
      overflowField = fieldCount
      return
    }
    if fieldCount == fieldCapacity {
      let newCapacity = min(max(fieldCapacity * 2, 16), maxFields)
      let grown = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
      grown.update(from: ends, count: fieldCount)
      ends.deallocate()
      ends = grown
      fieldCapacity = newCapacity
    }
    if byteCount + length > byteCapacity {
      var newCapacity = byteCapacity * 2
      while newCapacity < byteCount + length { newCapacity *= 2 }
      newCapacity = min(newCapacity, maxRecordBytes)
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      grown.update(from: bytes, count: byteCount)
      bytes.deallocate()
      bytes = grown
      byteCapacity = newCapacity
    }
    append(field, length)
  }

  mutating func reset() {
    byteCount = 0
    fieldCount = 0
    ended = false
  }
}

/// libcsv field callback: copy the field into the sink.
let csvFieldCallback:
  @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
    field, length, context in
    guard let context else { return }
    context.assumingMemoryBound(to: FieldSink.self).pointee.append(UnsafeRawPointer(field), length)
  }

/// libcsv record callback: mark the record as complete (the engine delivers it after
/// `csv_parse` returns, so the caller's closure never runs inside a C frame).
let csvRecordCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = {
  _, context in
  guard let context else { return }
  context.assumingMemoryBound(to: FieldSink.self).pointee.ended = true
}

/// libcsv space predicate: nothing is a space, so unquoted fields keep their spaces and
/// tabs (RFC 4180: spaces are part of a field), and a tab delimiter works.
let csvNoSpace: @convention(c) (UInt8) -> Int32 = { _ in 0 }

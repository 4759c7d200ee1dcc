import SafetyCore

/// One row of a partner export as the normaliser sees it: fields by index, raw bytes in the
/// file's encoding, decoded text on request, positions for diagnostics. The CSV reader's
/// record conforms (see `CSVRecord+RowFields.swift`); tests use in-memory rows.
///
/// The normaliser only ever touches the fields a source declares; personal columns are
/// never read, so their values are never decoded, stored, logged or printed.
public protocol RowFields: ~Copyable {
  /// Number of fields in this row.
  var fieldCount: Int { get }
  /// 1-based line the row starts on.
  var lineNumber: Int { get }
  /// The raw bytes of field `i` (valid only while the row is being handled).
  func bytes(_ i: Int) -> UnsafeRawBufferPointer
  /// Field `i` decoded from the file's encoding.
  func text(_ i: Int) -> String
  /// Where field `i` starts; `i == fieldCount` is the end of the row (a missing field).
  func position(ofField i: Int) -> SourcePosition
}

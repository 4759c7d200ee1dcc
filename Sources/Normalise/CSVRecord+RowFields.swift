import CSVIngest
import SafetyCore

extension CSVRecord: RowFields {
  public var fieldCount: Int { count }
  public var lineNumber: Int { line }
  @inline(__always)
  public func bytes(_ i: Int) -> UnsafeRawBufferPointer { self[i].bytes }
  public func text(_ i: Int) -> String { self[i].decoded() }
}

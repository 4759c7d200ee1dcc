/// Where something was found in an input file. Lines and columns are 1-based; the column
/// counts characters (Unicode scalars) from the start of the line; `record` is the 1-based
/// record number (quoted newlines make record and line differ).
public struct SourcePosition: Sendable, Hashable, Codable {
  public var file: String
  public var line: Int
  public var column: Int
  public var record: Int?

  public init(file: String, line: Int, column: Int, record: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.record = record
  }
}

/// How bad a diagnostic is. An `error` makes a row or a file unusable; a `warning` is kept
/// and counted; a `note` adds context.
public enum Severity: String, Sendable, Codable, Hashable, Comparable {
  case note, warning, error

  private var rank: Int {
    switch self {
    case .note: 0
    case .warning: 1
    case .error: 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stable, machine-readable code for a diagnostic, in the spirit of Frictionless
/// (`missing-cell`, `type-error`, ...). Codes are part of the public contract: never rename
/// one, only add.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Codable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }
  public var description: String { rawValue }
}

/// One problem found in an input, with its position when it has one.
///
/// Rendered as `file:line:column: error: message [code]` so that editors and terminals can
/// jump to it.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
  public var severity: Severity
  public var code: DiagnosticCode
  public var message: String
  public var position: SourcePosition?

  public init(
    _ severity: Severity, _ code: DiagnosticCode, _ message: String,
    at position: SourcePosition? = nil
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.position = position
  }

  public static func error(
    _ code: DiagnosticCode, _ message: String, at position: SourcePosition? = nil
  ) -> Diagnostic {
    Diagnostic(.error, code, message, at: position)
  }

  public static func warning(
    _ code: DiagnosticCode, _ message: String, at position: SourcePosition? = nil
  ) -> Diagnostic {
    Diagnostic(.warning, code, message, at: position)
  }

  public var description: String {
    let location: String
    if let position {
      location = "\(position.file):\(position.line):\(position.column): "
    } else {
      location = ""
    }
    return "\(location)\(severity.rawValue): \(message) [\(code.rawValue)]"
  }
}

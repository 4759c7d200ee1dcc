import Reporting

/// The parts of the page around the content: header with navigation, language switch and
/// sign-out, and the footer. Built per request (it holds the CSRF token); the content in
/// between may come from the page cache.
struct Layout {
  enum Section { case overview, data, api, none }

  var language: DisplayLanguage
  var title: String
  var user: String?
  /// The CSRF token for the sign-out form.
  var csrfToken: String?
  /// The request's path and query, for the language switch to return to.
  var currentPath: String

  init(context: DashboardContext, currentPath: String) {
    language = context.language
    title = context.siteTitle
    user = context.user
    csrfToken = context.csrfToken
    self.currentPath = currentPath
  }

  func page(title pageTitle: String, section: Section, content: HTML) -> HTML {
    let lang = language
    func navLink(_ href: String, _ label: Label, _ s: Section) -> HTML {
      let current: HTML = s == section ? " aria-current=\"page\"" : ""
      return "<a href=\"\(href)\"\(current)>\(lang[label])</a>"
    }
    let other: DisplayLanguage = lang == .nl ? .en : .nl
    let switchHref = Links.withQuery(currentPath, setting: "lang", to: other.rawValue)
    var session: HTML =
      "<a href=\"\(switchHref)\" lang=\"\(other.rawValue)\" hreflang=\"\(other.rawValue)\">\(lang[.otherLanguageName])</a>"
    if let user, let csrfToken {
      let who: HTML =
        user == SessionMiddleware.tokenUser ? "" : "<span>\(lang[.signedInAs]) \(user)</span>"
      session += """
        \(who)<form method="post" action="/logout"><input type="hidden" name="csrf" value="\(csrfToken)">\
        <button type="submit">\(lang[.signOut])</button></form>
        """
    }
    return """
      <!doctype html>
      <html lang="\(lang.rawValue)"><head><meta charset="utf-8">\
      <meta name="viewport" content="width=device-width, initial-scale=1">\
      <meta name="referrer" content="same-origin">\
      <title>\(pageTitle) · \(title)</title><style>\(HTML(unescaped: Stylesheet.css))</style></head>
      <body><a class="skip" href="#content">\(lang[.skipToContent])</a>
      <header class="top"><a class="brand" href="/">\(lang[.reportTitle])<small>\(title)</small></a>\
      <nav class="main" aria-label="\(lang[.navOverview])">\(navLink("/", .navOverview, .overview))\
      \(navLink("/data", .navData, .data))\(navLink("/api", .navAPI, .api))</nav>\
      <div class="session">\(session)</div></header>
      <main id="content">\(content)</main>
      <footer>SafetyMonitor · \(title)</footer>
      <script>\(HTML(unescaped: Enhancement.script))</script>
      </body></html>
      """
  }
}

/// URLs the pages build: paths with percent-encoded parts and queries.
enum Links {
  /// Percent-encodes a path segment or query value (unreserved characters kept).
  static func encode(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
        UInt8(ascii: "."), UInt8(ascii: "~"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return out
  }

  /// `path?k=v&…` from ordered pairs; pairs with empty values are left out.
  static func build(_ path: String, _ query: [(String, String)]) -> String {
    let parts = query.filter { !$0.1.isEmpty }.map { "\(encode($0.0))=\(encode($0.1))" }
    return parts.isEmpty ? path : path + "?" + parts.joined(separator: "&")
  }

  /// `current` (path and query) with `key` set to `value`.
  static func withQuery(_ current: String, setting key: String, to value: String) -> String {
    let (path, query) = split(current)
    var pairs = query.filter { $0.0 != key }
    pairs.append((key, value))
    return build(path, pairs)
  }

  static func split(_ pathAndQuery: String) -> (String, [(String, String)]) {
    guard let q = pathAndQuery.firstIndex(of: "?") else { return (pathAndQuery, []) }
    let path = String(pathAndQuery[..<q])
    let pairs = pathAndQuery[pathAndQuery.index(after: q)...].split(separator: "&").map {
      pair -> (String, String) in
      let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      return (FormData.decode(kv[0]), kv.count > 1 ? FormData.decode(kv[1]) : "")
    }
    return (path, pairs)
  }

  static func areaPath(_ code: String) -> String { "/areas/" + encode(code) }
  static func flagPath(_ id: String) -> String { "/flags/" + encode(id) }

  /// A local path to return to after signing in: must start with one `/` (no other sites).
  static func safeLocalPath(_ text: String?) -> String {
    guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.hasPrefix("/\\"),
      !text.contains(where: { $0.isNewline || $0 == "\\" })
    else { return "/" }
    return text
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}

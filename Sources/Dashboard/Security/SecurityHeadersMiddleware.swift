import HTTPTypes
import Hummingbird

/// Headers on every response that keep the pages to themselves: a strict Content Security
/// Policy (the one inline script allowed by its hash, inline styles — the report
/// renderers' colour swatches use style attributes — and nothing from elsewhere, no
/// framing, forms only to this server), no MIME sniffing, no referrer to other sites, and
/// no caching of what may be sensitive. Without sign-in it also refuses requests whose
/// `Host` is not a loopback name, so a web page cannot reach the desk through DNS
/// rebinding.
struct SecurityHeadersMiddleware: RouterMiddleware {
  typealias Context = DashboardContext
  /// Only loopback `Host` headers (when nobody signs in).
  let loopbackHostsOnly: Bool

  static let contentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; script-src \(Enhancement.cspHash); "
    + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

  func handle(
    _ request: Request, context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    if !allows(authority: request.head.authority) {
      var response = Response(
        status: .misdirectedRequest,
        headers: [.contentType: "text/plain; charset=utf-8"],
        body: .init(byteBuffer: .init(string: "This desk only answers on a loopback address.\n")))
      Self.secure(&response.headers)
      return response
    }
    var response = try await next(request, context)
    Self.secure(&response.headers)
    return response
  }

  /// Whether a request for `authority` (the `Host` header) is answered.
  func allows(authority: String?) -> Bool {
    guard loopbackHostsOnly, let authority else { return true }
    return Loopback.isLoopback(Loopback.hostName(ofHeader: authority))
  }

  static func secure(_ headers: inout HTTPFields) {
    headers[.contentSecurityPolicy] = contentSecurityPolicy
    headers[.xContentTypeOptions] = "nosniff"
    headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
    headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
    headers[.crossOriginResourcePolicy] = "same-origin"
    if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
  }
}

import HTTPTypes
import Hummingbird
import Reporting

/// Every request that is not a read (POST and anything else but GET/HEAD) must be a form
/// from this desk: same-site by the browser's `Sec-Fetch-Site` and `Origin` headers where
/// it sends them, a form body of at most 64 KiB, and a `csrf` field matching the browser's
/// `sm_csrf` cookie (an HMAC of it under the server's key). The parsed form is handed to
/// the route in the context. Anything else gets `403` and changes nothing.
struct CSRFMiddleware: RouterMiddleware {
  typealias Context = DashboardContext
  let keys: SessionKeys
  static let maxFormBytes = 64 * 1024

  func handle(
    _ request: Request, context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    if request.method == .get || request.method == .head {
      return try await next(request, context)
    }
    guard Self.isSameSite(request) else { return rejection(context) }
    // A browser id that was made for this very request was never in a form.
    guard let browserID = context.browserID, context.newBrowserID == nil else {
      return rejection(context)
    }
    let type = request.headers[.contentType]?.lowercased() ?? ""
    guard type.hasPrefix("application/x-www-form-urlencoded") else { return rejection(context) }
    var request = request
    let body: ByteBuffer
    do {
      body = try await request.collectBody(upTo: Self.maxFormBytes)
    } catch {
      return rejection(context, status: .contentTooLarge)
    }
    let form = FormData(String(buffer: body))
    guard let token = form["csrf"], keys.csrfTokenMatches(token, browserID: browserID) else {
      return rejection(context)
    }
    var context = context
    context.form = form
    return try await next(request, context)
  }

  /// False when the browser says the request came from another site.
  static func isSameSite(_ request: Request) -> Bool {
    if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!]?.lowercased(),
      site != "same-origin" && site != "none"
    {
      return false
    }
    if let origin = request.headers[.origin], let authority = request.head.authority {
      // `http://host:port` must name this server.
      guard let schemeEnd = origin.range(of: "://"),
        origin[schemeEnd.upperBound...].lowercased() == authority.lowercased()
      else { return false }
    }
    return true
  }

  func rejection(_ context: Context, status: HTTPResponse.Status = .forbidden) -> Response {
    ErrorPage.response(status: status, message: context.language[.errorCSRF], context: context)
  }
}

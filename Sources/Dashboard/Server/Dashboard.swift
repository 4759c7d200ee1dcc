import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Reporting

/// The analysts' desk: routes, pages and API over one pipeline's store. Build it with a
/// reader and a configuration, then run `application()` (or test its `router()` with
/// HummingbirdTesting).
public struct Dashboard: Sendable {
  public let reader: DashboardReader
  public let configuration: DashboardConfiguration
  let keys: SessionKeys
  let cache: PageCache
  let reports: DashboardReports
  let flagsCache: VersionedCache<FlagsModel>
  /// The only writer: analysts' reviews of flags.
  let writer: any AcknowledgementWriter
  /// Seconds since 1970, for sign-in expiry (the only clock the desk reads).
  let now: @Sendable () -> Int

  public init(
    reader: DashboardReader, configuration: DashboardConfiguration,
    keys: SessionKeys = SessionKeys(), writer: (any AcknowledgementWriter)? = nil,
    now: @escaping @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }
  ) throws {
    self.writer = writer ?? StoreAcknowledgementWriter(storePath: reader.pipeline.storePath)
    self.flagsCache = VersionedCache(enabled: configuration.cachePages, capacity: 4)
    self.reader = reader
    self.configuration = configuration
    self.keys = keys
    self.cache = PageCache(enabled: configuration.cachePages)
    self.reports = try DashboardReports(reader: reader, cachePages: configuration.cachePages)
    self.now = now
  }

  /// The router with every route and middleware.
  public func router() -> Router<DashboardContext> {
    let router = Router(context: DashboardContext.self)
    router.add(
      middleware: SecurityHeadersMiddleware(loopbackHostsOnly: !configuration.access.requiresSignIn)
    )
    router.add(
      middleware: SessionMiddleware(
        access: configuration.access, keys: keys, siteTitle: reader.title,
        defaultLanguage: reader.defaultLanguage, secureCookies: configuration.secureCookies,
        now: now))
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: CSRFMiddleware(keys: keys))
    addSessionRoutes(router)
    addPageRoutes(router)
    addFlagRoutes(router)
    addAPIRoutes(router)
    return router
  }

  /// The HTTP application, bound to the configured host and port. `onRunning` gets the
  /// address it listens on (the port is chosen by the system when configured as 0).
  public func application(
    logger: Logger = Logger(label: "safety-monitor.dashboard"),
    onRunning: @escaping @Sendable (String) async -> Void = { _ in }
  ) -> some ApplicationProtocol {
    Application(
      router: router(),
      configuration: .init(
        address: .hostname(configuration.host, port: configuration.port),
        serverName: nil),
      onServerRunning: { channel in
        let address = channel.localAddress
        let host = address?.ipAddress ?? configuration.host
        let shown = host.contains(":") ? "[\(host)]" : host
        await onRunning("http://\(shown):\(address?.port ?? configuration.port)/")
      },
      logger: logger)
  }

  // MARK: Helpers for routes

  /// The page around `content`, for this request.
  func page(
    _ request: Request, _ context: DashboardContext, title: String, section: Layout.Section,
    content: HTML, status: HTTPResponse.Status = .ok
  ) -> Response {
    Response.html(
      Layout(context: context, currentPath: request.uri.string).page(
        title: title, section: section, content: content), status: status)
  }

  /// Content from the cache when the store has not changed since it was made.
  func cached(_ key: String, _ context: DashboardContext, build: () throws -> HTML) throws -> HTML {
    HTML(unescaped: try cachedText("\(context.language.rawValue)|\(key)") { try build().rendered })
  }

  /// The store's flags, read once per store version.
  func flags() throws -> FlagsModel {
    try flagsCache.value("flags", version: try reader.dataVersion()) {
      try FlagsModel(reader: reader)
    }
  }

  /// Text (an API body) from the cache when the store has not changed since it was made.
  func cachedText(_ key: String, build: () throws -> String) throws -> String {
    try cache.value(key, version: try reader.dataVersion(), build: build)
  }

  /// A JSON body from the cache.
  func cachedJSON(_ key: String, build: () throws -> some Encodable) throws -> Response {
    let text = try cachedText(key) {
      String(decoding: try APIResponse.encoder.encode(try build()), as: UTF8.self)
    }
    return APIResponse.json(data: Data(text.utf8))
  }
}

/// Turns errors into pages (or JSON under `/api`) in the analyst's language: 404 for
/// unknown routes, the error's status for `HTTPError`s, 500 (logged) for anything else.
struct ErrorMiddleware: RouterMiddleware {
  typealias Context = DashboardContext

  func handle(
    _ request: Request, context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let error as HTTPError {
      return Self.response(request, context, status: error.status, message: error.body)
    } catch {
      context.logger.error(
        "request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
      return Self.response(request, context, status: .internalServerError, message: nil)
    }
  }

  static func response(
    _ request: Request, _ context: Context, status: HTTPResponse.Status, message: String?
  ) -> Response {
    let lang = context.language
    let text =
      message
      ?? (status == .notFound
        ? lang[.errorNotFoundText]
        : status.code >= 500 ? lang[.errorServer] : lang[.errorBadRequest])
    if request.uri.path.hasPrefix("/api") {
      let code =
        switch status.code {
        case 404: "not-found"
        case 400: "bad-request"
        case 401: "unauthorised"
        case 403: "forbidden"
        default: "server-error"
        }
      return APIError.response(status, code: code, message: text)
    }
    return ErrorPage.response(
      status: status, message: text, context: context, path: request.uri.string)
  }
}

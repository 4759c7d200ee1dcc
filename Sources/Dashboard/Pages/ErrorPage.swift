import HTTPTypes
import Hummingbird
import Reporting

/// Error pages in the analyst's language, in the desk's layout.
enum ErrorPage {
  static func response(
    status: HTTPResponse.Status, message: String, context: DashboardContext, path: String = "/"
  ) -> Response {
    let lang = context.language
    let heading: Label =
      switch status.code {
      case 404: .errorNotFound
      case 400, 413: .errorBadRequest
      case 401: .errorUnauthorised
      case 403: .errorForbidden
      default: .errorHeading
      }
    let headingText = lang[heading]
    let content: HTML = """
      <h1>\(headingText)</h1><p class="notice error">\(message)</p>\
      <p><a href="/">\(lang[.backToOverview])</a></p>
      """
    let page = Layout(context: context, currentPath: path).page(
      title: headingText, section: .none, content: content)
    return Response.html(page, status: status)
  }
}

extension Response {
  /// An HTML page.
  static func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "text/html; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(string: page.rendered)))
  }
}

import Foundation
import HTTPTypes
import Hummingbird

/// JSON responses of the API: UTF-8, sorted keys (stable output for diffing and tests).
enum APIResponse {
  static let encoder: JSONEncoder = {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return e
  }()

  static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
    let data = try encoder.encode(value)
    return json(data: data, status: status)
  }

  static func json(data: Data, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }
}

/// An API error body: `{"error": {"code": "not-found", "message": "..."}}`.
struct APIError: Encodable {
  struct Detail: Encodable {
    var code: String
    var message: String
  }
  var error: Detail

  static func response(_ status: HTTPResponse.Status, code: String, message: String) -> Response {
    let body = APIError(error: Detail(code: code, message: message))
    let data = (try? APIResponse.encoder.encode(body)) ?? Data("{}".utf8)
    return APIResponse.json(data: data, status: status)
  }
}

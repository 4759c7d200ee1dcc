import Crypto
import Foundation

/// The little JavaScript the pages carry (progressive enhancement: everything works
/// without it). Filter selects submit their form on change, so an analyst need not press
/// the button. The Content Security Policy allows exactly this text by its hash.
enum Enhancement {
  static let script = """
    document.querySelectorAll('form.filters select').forEach(function(s){\
    s.addEventListener('change',function(){s.form.submit();});});
    """

  static let cspHash =
    "'sha256-\(Data(SHA256.hash(data: Array(script.utf8))).base64EncodedString())'"
}

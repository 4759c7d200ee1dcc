import Testing

@testable import Reporting

@Suite struct HTMLTests {
  @Test func escapesInterpolatedText() {
    let name = "<script>alert('x')</script> & \"co\""
    let html: HTML = "<td>\(name)</td>"
    #expect(
      html.rendered
        == "<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;</td>")
  }

  @Test func keepsNestedFragmentsAsMarkup() {
    let inner: HTML = "<b>\("a<b")</b>"
    let outer: HTML = "<p>\(inner)</p>"
    #expect(outer.rendered == "<p><b>a&lt;b</b></p>")
  }

  @Test func escapesSubstringsAndDescriptions() {
    let s = "x<y"[...]
    let n = 3
    let html: HTML = "\(s) \(n)"
    #expect(html.rendered == "x&lt;y 3")
  }

  @Test func leavesPlainTextAlone() {
    #expect(HTML.escape("Café de Mariënwaard") == "Café de Mariënwaard")
  }
}

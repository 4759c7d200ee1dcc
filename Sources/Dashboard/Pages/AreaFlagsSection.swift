import Flagging
import Reporting
import Store

/// The flags part of a neighbourhood page: its open flags (a wijk's include its buurten's)
/// and the earlier, resolved ones with their reviews.
struct AreaFlagsSection {
  var views: FlagViews
  var area: String
  var isWijk: Bool

  func render() -> HTML {
    let lang = views.language
    guard views.model.detectionRan else {
      return "<h2>\(lang[.sectionFlags])</h2><p class=\"muted\">\(lang[.noFlagsYet])</p>"
    }
    let mine = views.model.records.filter { r in
      let areas = [r.flag.area] + r.flag.explanation.members
      return areas.contains(area) || (isWijk && areas.contains { views.names.wijk(of: $0) == area })
    }
    let open = mine.filter(\.flag.isOpen)
    let earlier = mine.filter { !$0.flag.isOpen }
    var out: HTML = "<h2>\(lang[.sectionFlags])</h2>"
    if open.isEmpty {
      out += "<p class=\"muted\">\(lang[.areaNoFlags])</p>"
    } else {
      out += "<ul class=\"flaglist\">"
      for r in open { out += item(r) }
      out += "</ul>"
    }
    if !earlier.isEmpty {
      out +=
        "<details><summary>\(lang[.areaEarlierFlags]) (\(earlier.count))</summary><ul class=\"flaglist\">"
      for r in earlier { out += item(r) }
      out += "</ul></details>"
    }
    return out
  }

  func item(_ r: FlagRecord) -> HTML {
    let f = r.flag
    let lang = views.language
    let place: HTML = f.area == area ? "" : " · \(views.names.area(f.area))"
    var notes = HTML.empty
    for review in r.reviews {
      notes += """
        <li><span class="badge \(review.action.rawValue)">\(views.names.review(review.action))</span> \
        \(review.author), \(TimeText.localDay(review.recordedAt, lang)): \(review.note)</li>
        """
    }
    let noteList: HTML = notes == .empty ? "" : "<ul class=\"notes\">\(notes)</ul>"
    return """
      <li>\(views.severity(f)) <a href="\(Links.flagPath(f.id))"><strong>\(views.names.kind(f.kind))</strong> · \
      \(views.names.theme(f.theme))\(place)</a> \(views.statusBadge(r.status))\
      <span class="sub">\(lang[.since]) \(views.week(f.firstSeen)) · \
      \(f.explanation.indicators.map(views.names.indicator).joined(separator: ", "))</span>\(noteList)</li>
      """
  }
}

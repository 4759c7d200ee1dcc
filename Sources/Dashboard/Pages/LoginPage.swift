import Reporting

/// The sign-in form: the access token, or user name and password.
struct LoginPage {
  var access: AccessPolicy
  var next: String
  var failed: Bool
  var csrfToken: String
  var language: DisplayLanguage

  func content() -> HTML {
    let lang = language
    let fields: HTML
    if case .users = access {
      fields = """
        <label for="user">\(lang[.userName])</label>\
        <input id="user" name="user" autocomplete="username" required maxlength="64" autofocus>\
        <label for="password">\(lang[.password])</label>\
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        """
    } else {
      fields = """
        <label for="token">\(lang[.accessToken])</label>\
        <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
        """
    }
    let error: HTML =
      failed ? "<p class=\"notice error\" role=\"alert\">\(lang[.signInFailed])</p>" : ""
    return """
      <div class="login card"><h1>\(lang[.signIn])</h1><p class="muted">\(lang[.signInIntro])</p>\(error)\
      <form method="post" action="/login"><input type="hidden" name="csrf" value="\(csrfToken)">\
      <input type="hidden" name="next" value="\(next)">\(fields)\
      <p><button class="primary" type="submit">\(lang[.signIn])</button></p></form></div>
      """
  }
}
